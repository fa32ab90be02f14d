package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "init",
		Short:  "(chưa hoàn thành)",
		Hidden: true,
		RunE:   func(*cobra.Command, []string) error { return errors.New("lệnh init chưa hoàn thành") },
	}
}
