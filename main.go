// Command terraform-provider-instagram is the Terraform provider for Instagram
// Professional accounts (Business and Creator), served over plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider"
)

// Set by goreleaser through -ldflags.
var (
	version = "dev"
	commit  = "none"
)

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	// In debug mode the provider's stderr is the developer's terminal, not
	// Terraform's pipe: keep the SDK's default (everything at TRACE).
	if !debug {
		for k, v := range provider.QuietLogEnv(os.Environ()) {
			if err := os.Setenv(k, v); err != nil {
				log.Fatal(err.Error())
			}
		}
	}

	err := providerserver.Serve(context.Background(), provider.New(version, provider.WithCommit(commit)), providerserver.ServeOpts{
		Address: provider.Address,
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
