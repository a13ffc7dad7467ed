package main

import (
	"slices"
	"testing"
)

func TestTheArgumentsNameTheStageTheFileAndTheProgram(t *testing.T) {
	args, err := parseArguments([]string{"--stage", "staging", "--secrets", "/var/task/hover/secrets.env", "--name", "shop-staging",
		"--", "java", "-cp", "a.jar", "--name", "dev.hover.runtime.Bootstrap"})
	if err != nil {
		t.Fatal(err)
	}
	if args.expected != staging || args.secretsFile != "/var/task/hover/secrets.env" ||
		!slices.Equal(args.program, []string{"java", "-cp", "a.jar", "--name", "dev.hover.runtime.Bootstrap"}) {
		t.Fatalf("got %+v", args)
	}
}

func TestWrongArgumentsSayWhatIsWrong(t *testing.T) {
	cases := map[string][]string{
		"no '--' and program after the options": {},
		"--secrets is missing":                  {"--name", "n", "--stage", "s", "--", "java"},
		"--name is given twice":                 {"--name", "n", "--name", "m"},
		"--stage needs a value":                 {"--name", "n", "--stage"},
		"--secrets needs a value":               {"--secrets", "", "--name", "n"},
		"unknown option '--stag'":               {"--stag", "s"},
		"unknown option 'java'":                 {"java", "-jar"},
		"no program after '--'":                 {"--name", "n", "--stage", "s", "--secrets", "f", "--"},
	}
	for want, argv := range cases {
		if _, err := parseArguments(argv); err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %q", argv, err, want)
		}
	}
}
