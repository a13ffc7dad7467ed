package main

import (
	"fmt"
	"os"
)

// logLine writes one line of the runtime's log format (hover-lambda-runtime's Log): "hover: "
// and the message. Everything goes to standard error, as the secrets JVM's lines did; it is
// never given a secret value.
func logLine(message string) {
	fmt.Fprintln(os.Stderr, "hover: "+message)
}
