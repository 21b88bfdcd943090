#!/usr/bin/env python3
"""Start-up of light commands against a bare `node -e 0` (issue 13), as whole processes.

    python3 bench/startup.py [CHECKOUT] [ROUNDS] [BASE]     # defaults: . and 21, no base

Runs `node -e 0`, `obhut --version`, `obhut --help` and `obhut consent status --platform x
--account 1` in turn, ROUNDS times, and prints each command's median wall time and median CPU
(user + sys of the child, from getrusage) with the ratio to `node -e 0`. With BASE (another
checkout, with its own dist/), each round runs every command on BASE and on CHECKOUT, the two
in turn (BASE first in even rounds, CHECKOUT first in odd ones), and also prints the median of
the rounds' CHECKOUT/BASE ratios, which a load that drifts during the run affects less than the
medians do. The home is a fresh `obhut init` (made with CHECKOUT) in a temporary folder. Not a
test: the figures depend on the machine's load.
"""
import atexit, os, resource, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else '.')
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 21
base = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
scratch = tempfile.mkdtemp(prefix='obhut-startup-')
atexit.register(shutil.rmtree, scratch, ignore_errors=True)
home = os.path.join(scratch, 'home')
env = dict(os.environ, OBHUT_HOME=home)
subprocess.run(['node', os.path.join(root, 'bin', 'obhut.js'), 'init'], env=env, capture_output=True, check=True)
checkouts = {'': root} if base is None else {'base ': base, 'new  ': root}
commands = {
    '--version': ['--version'],
    '--help': ['--help'],
    'consent status': ['consent', 'status', '--platform', 'x', '--account', '1'],
}
wall, cpu = {}, {}


def run(name, argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    wall.setdefault(name, []).append(time.perf_counter() - start)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.setdefault(name, []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


load = os.getloadavg()[0]
for r in range(rounds):
    run('node -e 0', ['node', '-e', '0'])
    for command, args in commands.items():
        order = list(checkouts.items())
        for tag, checkout in order if r % 2 == 0 else reversed(order):
            run(tag + command, ['node', os.path.join(checkout, 'bin', 'obhut.js'), *args])
print(f'{rounds} rounds, load average {load:.1f} -> {os.getloadavg()[0]:.1f}')
base_wall = statistics.median(wall['node -e 0'])
base_cpu = statistics.median(cpu['node -e 0'])
for name in wall:
    w, c = statistics.median(wall[name]), statistics.median(cpu[name])
    print(f'{name:21} wall {w * 1000:7.1f} ms ({w / base_wall:4.2f}x)  cpu {c * 1000:7.1f} ms ({c / base_cpu:4.2f}x)')
if base is not None:
    for command in commands:
        new, old = 'new  ' + command, 'base ' + command
        w = statistics.median(n / o for n, o in zip(wall[new], wall[old]))
        c = statistics.median(n / o for n, o in zip(cpu[new], cpu[old]))
        print(f'{command:21} new/base per round, median: wall {w:.3f}  cpu {c:.3f}')
