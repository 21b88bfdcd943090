// Command note-verify is an independent check of Obhut's signed notes: it uses Go's
// golang.org/x/mod/sumdb/note, not our TypeScript, to verify and to sign.
//
//	note-verify verify <verifier key>   reads a signed note on stdin, prints its text
//	note-verify sign <signer key>       reads a text on stdin, prints the signed note
//
// Any failure prints the reason on stderr and exits with status 1.
package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/mod/sumdb/note"
)

func main() {
	if len(os.Args) != 3 {
		fail(fmt.Errorf("usage: note-verify verify|sign <key>"))
	}
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	switch os.Args[1] {
	case "verify":
		verifier, err := note.NewVerifier(os.Args[2])
		if err != nil {
			fail(err)
		}
		n, err := note.Open(input, note.VerifierList(verifier))
		if err != nil {
			fail(err)
		}
		os.Stdout.WriteString(n.Text)
	case "sign":
		signer, err := note.NewSigner(os.Args[2])
		if err != nil {
			fail(err)
		}
		signed, err := note.Sign(&note.Note{Text: string(input)}, signer)
		if err != nil {
			fail(err)
		}
		os.Stdout.Write(signed)
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "note-verify:", err)
	os.Exit(1)
}
