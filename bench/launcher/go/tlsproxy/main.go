// Command tlsproxy puts TLS with a KMS-shaped chain (kmschain) in front of a plain HTTP server
// such as moto, on loopback, so that hover-launch can be measured with a real handshake. It
// writes the chain's root to -root, prints its address on a line, and serves until killed.
//
//	tlsproxy -target http://127.0.0.1:5000 -root /tmp/root.pem
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"

	"dev.hover/launcher-bench/internal/kmschain"
)

func main() {
	target := flag.String("target", "", "the plain HTTP server")
	rootFile := flag.String("root", "", "where to write the chain's root, PEM")
	flag.Parse()
	backend, err := url.Parse(*target)
	check(err)
	certificate, root, err := kmschain.New([]string{"localhost"})
	check(err)
	check(os.WriteFile(*rootFile, root, 0o600))
	listener, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{certificate}})
	check(err)
	fmt.Println(listener.Addr())
	check(http.Serve(listener, httputil.NewSingleHostReverseProxy(backend)))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "tlsproxy:", err)
		os.Exit(1)
	}
}
