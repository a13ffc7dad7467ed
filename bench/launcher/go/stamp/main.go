// Command stamp prints, as it starts, CLOCK_MONOTONIC in nanoseconds (the clock of Java's
// System.nanoTime) and the process's CPU time so far in microseconds. Started through
// hover-launch, whose execve it replaces, that CPU time includes the launcher's: a process keeps
// its resource usage across execve.
package main

import (
	"fmt"
	"syscall"
	"unsafe"
)

const clockMonotonic = 1

func main() {
	var now syscall.Timespec
	if _, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockMonotonic, uintptr(unsafe.Pointer(&now)), 0); errno != 0 {
		panic(errno)
	}
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		panic(err)
	}
	cpu := usage.Utime.Nano()/1000 + usage.Stime.Nano()/1000
	fmt.Printf("%d %d\n", now.Nano(), cpu)
}
