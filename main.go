// Command terraform-provider-instagram is the Terraform provider for Instagram
// Professional accounts (Business and Creator), served over plugin protocol 6.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

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

	if err := provider.SetUpProcess(debug); err != nil {
		log.Fatal(err.Error())
	}

	// What providerserver.Serve does, with the framework's server wrapped
	// (provider.Server says why).
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(provider.Address, provider.NewProtocol6(version, provider.WithCommit(commit)), opts...); err != nil {
		log.Fatal(err.Error())
	}
}
