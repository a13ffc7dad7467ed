// Package kmschain makes a certificate chain shaped like KMS's (RSA-2048 leaf, RSA-2048
// intermediate, RSA-2048 root) for loopback TLS servers in the launcher's benchmarks.
package kmschain

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"time"
)

// New returns the server's certificate (leaf and intermediate, as KMS sends them) for the given
// names and loopback addresses, and the root in PEM.
func New(names []string) (tls.Certificate, []byte, error) {
	rootKey, root, err := certificate(&x509.Certificate{Subject: pkix.Name{CommonName: "Bench Root CA"}, IsCA: true}, nil, nil)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	intermediateKey, intermediate, err := certificate(&x509.Certificate{Subject: pkix.Name{CommonName: "Bench RSA 2048 M01"}, IsCA: true}, root, rootKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	leafTemplate := &x509.Certificate{Subject: pkix.Name{CommonName: names[0]}, DNSNames: names,
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	leafKey, leaf, err := certificate(leafTemplate, intermediate, intermediateKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	return tls.Certificate{Certificate: [][]byte{leaf.Raw, intermediate.Raw}, PrivateKey: leafKey},
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: root.Raw}), nil
}

func certificate(template, parent *x509.Certificate, parentKey *rsa.PrivateKey) (*rsa.PrivateKey, *x509.Certificate, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, err
	}
	template.SerialNumber = big.NewInt(time.Now().UnixNano())
	template.NotBefore, template.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	template.BasicConstraintsValid = true
	if template.IsCA {
		template.KeyUsage = x509.KeyUsageCertSign
	} else {
		template.KeyUsage = x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment
	}
	if parent == nil {
		parent, parentKey = template, key
	}
	der, err := x509.CreateCertificate(rand.Reader, template, parent, &key.PublicKey, parentKey)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return key, cert, err
}
