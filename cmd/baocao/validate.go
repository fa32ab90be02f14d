package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "validate",
		Short:  "(chưa hoàn thành)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("lệnh validate chưa hoàn thành") },
	}
}
