#!/usr/bin/env python3
"""Start-up of light commands against a bare `node -e 0` (issue 13), as whole processes.

    python3 bench/startup.py [CHECKOUT] [ROUNDS]      # defaults: . and 21

Runs `node -e 0`, `obhut --version`, `obhut --help` and `obhut consent status --platform x
--account 1` in turn, ROUNDS times, and prints each command's median wall time and median CPU
(user + sys of the child, from getrusage) with the ratio to `node -e 0`. The home is a fresh
`obhut init` in a temporary folder. Not a test: the figures depend on the machine's load.
"""
import os, resource, statistics, subprocess, sys, tempfile, time

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 21
obhut = os.path.join(root, 'bin', 'obhut.js')
home = os.path.join(tempfile.mkdtemp(prefix='obhut-startup-'), 'home')
env = dict(os.environ, OBHUT_HOME=home)
subprocess.run(['node', obhut, 'init'], env=env, capture_output=True, check=True)
commands = {
    'node -e 0': ['node', '-e', '0'],
    '--version': ['node', obhut, '--version'],
    '--help': ['node', obhut, '--help'],
    'consent status': ['node', obhut, 'consent', 'status', '--platform', 'x', '--account', '1'],
}
wall = {k: [] for k in commands}
cpu = {k: [] for k in commands}
for _ in range(rounds):
    for name, argv in commands.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        wall[name].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
base_wall = statistics.median(wall['node -e 0'])
base_cpu = statistics.median(cpu['node -e 0'])
for name in commands:
    w, c = statistics.median(wall[name]), statistics.median(cpu[name])
    print(f'{name:16} wall {w * 1000:7.1f} ms ({w / base_wall:4.2f}x)  cpu {c * 1000:7.1f} ms ({c / base_cpu:4.2f}x)')
