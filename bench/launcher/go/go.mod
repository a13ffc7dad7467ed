module dev.hover/launcher-bench

go 1.25.0

require golang.org/x/crypto/x509roots/fallback v0.0.0-20260213171211-a408498e5541
