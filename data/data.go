// Package data embeds the sample workspace: the indicator catalogue and the
// 2020 and 2021 figures of the reference province, so that a new user's first
// command works without any file of their own.
package data

import "embed"

// FS holds chi-tieu.yaml and one input file per year.
//
//go:embed *.yaml
var FS embed.FS
