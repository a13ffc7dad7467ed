// Command tlshandshake measures what one TLS connection costs a fresh Go process such as
// hover-launch: loading the trusted roots (the system's, or the embedded fallback bundle on a base
// image without CA certificates) and one full handshake with a loopback server whose chain is
// shaped like KMS's (RSA-2048 leaf, RSA-2048 intermediate, RSA-2048 root). Not measured: the
// network round trips to KMS. See docs/performance.md, "Secrets at cold start".
//
//	tlshandshake -runs 15
package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"dev.hover/launcher-bench/internal/kmschain"

	_ "golang.org/x/crypto/x509roots/fallback"
)

const serverName = "kms.us-east-1.amazonaws.com"

type sample struct {
	RootsMs           float64 `json:"rootsMs"`
	RootsCPUMs        float64 `json:"rootsCpuMs"`
	HandshakeWallMs   float64 `json:"handshakeWallMs"`
	HandshakeCPUMs    float64 `json:"handshakeCpuMs"`
	Version, Curve    string
	ChainCertificates int
}

func main() {
	runs := flag.Int("runs", 15, "fresh processes per kind of roots")
	child := flag.Bool("child", false, "one measurement (internal)")
	address := flag.String("address", "", "the server (internal)")
	rootFile := flag.String("root", "", "the chain's root, PEM (internal)")
	flag.Parse()
	if *child {
		measure(*address, *rootFile)
		return
	}
	compare(*runs)
}

func compare(runs int) {
	directory, err := os.MkdirTemp("", "tlshandshake-")
	check(err)
	defer os.RemoveAll(directory)
	listener, rootFile := server(directory)
	defer listener.Close()
	kinds := []struct {
		name string
		env  []string
	}{
		{"system roots", nil},
		{"embedded fallback roots (no CA certificates)", []string{"SSL_CERT_FILE=" + filepath.Join(directory, "none.pem"), "SSL_CERT_DIR=" + filepath.Join(directory, "none")}},
	}
	results := make([][]sample, len(kinds))
	for i := 0; i < runs; i++ {
		for k, kind := range kinds { // alternating, so that the machine's drift meets both alike
			command := exec.Command(os.Args[0], "-child", "-address", listener.Addr().String(), "-root", rootFile)
			command.Env = append(os.Environ(), kind.env...)
			output, err := command.Output()
			check(err)
			var s sample
			check(json.Unmarshal(output, &s))
			results[k] = append(results[k], s)
		}
	}
	last := results[0][0]
	fmt.Printf("TLS %s, key exchange %s, %d certificates in the chain, %d fresh processes each\n", last.Version, last.Curve, last.ChainCertificates, runs)
	for k, kind := range kinds {
		fmt.Printf("%-46s roots loaded p50 %6.2f ms wall, %6.2f ms CPU\n", kind.name,
			median(results[k], func(s sample) float64 { return s.RootsMs }), median(results[k], func(s sample) float64 { return s.RootsCPUMs }))
	}
	all := append(slices.Clone(results[0]), results[1]...)
	fmt.Printf("%-46s p50 %6.2f ms wall, %6.2f ms CPU (client process; min %.2f, max %.2f wall)\n", "one full handshake",
		median(all, func(s sample) float64 { return s.HandshakeWallMs }), median(all, func(s sample) float64 { return s.HandshakeCPUMs }),
		minimum(all), maximum(all))
}

// measure is one fresh process: the roots, then one handshake verified against them plus the
// test root (the loopback server's chain is not a public one).
func measure(address, rootFile string) {
	cpuBefore := cpuTime()
	start := time.Now()
	roots, err := x509.SystemCertPool()
	check(err)
	rootsTime, rootsCPU := time.Since(start), cpuTime()-cpuBefore
	pemBytes, err := os.ReadFile(rootFile)
	check(err)
	roots.AppendCertsFromPEM(pemBytes)
	cpuBefore = cpuTime()
	start = time.Now()
	conn, err := tls.Dial("tcp", address, &tls.Config{ServerName: serverName, RootCAs: roots})
	check(err)
	handshake := time.Since(start)
	cpu := cpuTime() - cpuBefore
	state := conn.ConnectionState()
	conn.Close()
	check(json.NewEncoder(os.Stdout).Encode(sample{
		RootsMs: ms(rootsTime), RootsCPUMs: ms(rootsCPU), HandshakeWallMs: ms(handshake), HandshakeCPUMs: ms(cpu),
		Version: tls.VersionName(state.Version), Curve: state.CurveID.String(), ChainCertificates: len(state.PeerCertificates),
	}))
}

// server listens on loopback with a chain shaped like KMS's; it returns the listener and the root's PEM file.
func server(directory string) (net.Listener, string) {
	certificate, root, err := kmschain.New([]string{serverName})
	check(err)
	rootFile := filepath.Join(directory, "root.pem")
	check(os.WriteFile(rootFile, root, 0o600))
	listener, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{certificate}})
	check(err)
	go func() {
		for {
			conn, err := listener.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				_ = conn.(*tls.Conn).Handshake()
				_, _ = conn.Read(make([]byte, 1))
			}()
		}
	}()
	return listener, rootFile
}

func cpuTime() time.Duration {
	var usage syscall.Rusage
	check(syscall.Getrusage(syscall.RUSAGE_SELF, &usage))
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}

func median(samples []sample, value func(sample) float64) float64 {
	values := make([]float64, len(samples))
	for i, s := range samples {
		values[i] = value(s)
	}
	slices.Sort(values)
	return values[(len(values)-1)/2]
}

func minimum(samples []sample) float64 {
	return slices.MinFunc(samples, func(a, b sample) int { return compareFloat(a.HandshakeWallMs, b.HandshakeWallMs) }).HandshakeWallMs
}

func maximum(samples []sample) float64 {
	return slices.MaxFunc(samples, func(a, b sample) int { return compareFloat(a.HandshakeWallMs, b.HandshakeWallMs) }).HandshakeWallMs
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "tlshandshake:", err)
		os.Exit(1)
	}
}
