package main

import (
	"errors"
)

const usage = "usage: hover-launch --name <app name> --stage <stage> --secrets <encrypted file> -- <program> [args...]\n" +
	"Decrypts the stage's secrets file with KMS, then replaces itself with <program>, the secrets in its environment."

// arguments is what the command line gives: the stage expected to own the file, the file, and the
// program to become.
type arguments struct {
	expected    stageBinding
	secretsFile string
	program     []string
}

// parseArguments reads the command line without the program name. Each option is given once, as
// its own word followed by its value; "--" ends them and a program must follow.
func parseArguments(args []string) (arguments, error) {
	values := map[string]string{"--name": "", "--stage": "", "--secrets": ""}
	seen := map[string]bool{}
	for i := 0; i < len(args); i++ {
		option := args[i]
		if option == "--" {
			parsed := arguments{
				expected:    stageBinding{name: values["--name"], stage: values["--stage"]},
				secretsFile: values["--secrets"],
				program:     args[i+1:],
			}
			return parsed, parsed.check(seen)
		}
		if _, known := values[option]; !known {
			return arguments{}, errors.New("unknown option '" + option + "'")
		}
		if seen[option] {
			return arguments{}, errors.New(option + " is given twice")
		}
		if i+1 >= len(args) || args[i+1] == "" {
			return arguments{}, errors.New(option + " needs a value")
		}
		seen[option] = true
		values[option] = args[i+1]
		i++
	}
	return arguments{}, errors.New("no '--' and program after the options")
}

func (a arguments) check(seen map[string]bool) error {
	for _, option := range []string{"--name", "--stage", "--secrets"} {
		if !seen[option] {
			return errors.New(option + " is missing")
		}
	}
	if len(a.program) == 0 || a.program[0] == "" {
		return errors.New("no program after '--'")
	}
	return nil
}
