package provider

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// The wrapped server still offers what tf6server finds by type assertion:
// the deprecated interfaces below are the ones tf6server (v0.31) asserts.
//
//nolint:staticcheck // SA1019: see above
func TestNewServer_keepsOptionalServers(t *testing.T) {
	s := NewProtocol6("test")()
	if _, ok := s.(server); !ok {
		t.Fatalf("the framework's server was not wrapped: %T", s)
	}
	if _, ok := s.(tfprotov6.ProviderServerWithListResource); !ok {
		t.Error("lost ListResource")
	}
	if _, ok := s.(tfprotov6.ProviderServerWithActions); !ok {
		t.Error("lost the action RPCs")
	}
	if _, ok := s.(tfprotov6.ProviderServerWithStateStores); !ok {
		t.Error("lost the state store RPCs")
	}
}

// What an RPC's context references is garbage once the RPC returned and
// gRPC cancelled its context, although the framework keeps every RPC
// context's cancel function (terraform-plugin-framework v1.19).
func TestNewServer_releasesRPCContexts(t *testing.T) {
	type requestData struct{ _ [1 << 16]byte } // big enough to matter
	type key struct{}
	rpc := func(s tfprotov6.ProviderServer) weak.Pointer[requestData] {
		data := &requestData{}
		ctx, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, data))
		_, err := s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: "instagram_media"})
		if err != nil {
			t.Fatal(err)
		}
		cancel()
		return weak.Make(data)
	}
	collected := func(p weak.Pointer[requestData]) bool {
		for range 10 {
			runtime.GC()
			if p.Value() == nil {
				return true
			}
			time.Sleep(10 * time.Millisecond)
		}
		return false
	}

	wrapped := NewProtocol6("test")()
	if !collected(rpc(wrapped)) {
		t.Error("the request's data outlived the RPC")
	}
	// For the record: the framework's server alone keeps it.
	bare := providerserver.NewProtocol6(New("test")())()
	t.Logf("without the wrapper, the request's data is collected: %t", collected(rpc(bare)))
	runtime.KeepAlive(wrapped) // the servers live on, as they do in a provider process
	runtime.KeepAlive(bare)
}

func TestReleasableContext(t *testing.T) {
	type key struct{}
	deadline := time.Now().Add(time.Hour)
	parent, cancel := context.WithDeadline(context.WithValue(context.Background(), key{}, "value"), deadline)
	defer cancel()
	ctx, release := rpcContext(parent)

	if ctx.Value(key{}) != "value" || ctx.Err() != nil {
		t.Fatalf("before release: value %v, err %v", ctx.Value(key{}), ctx.Err())
	}
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()

	release()
	if v := ctx.Value(key{}); v != nil {
		t.Errorf("after release: value %v, want none", v)
	}
	if got, ok := ctx.Deadline(); !ok || !got.Equal(deadline) {
		t.Errorf("after release: deadline %v %t, want %v", got, ok, deadline)
	}
	if err := ctx.Err(); err != nil {
		t.Errorf("after release, before the RPC's context is done: err %v, want none", err)
	}

	cancel() // gRPC cancels the RPC's context after the handler returned
	<-ctx.Done()
	<-child.Done()
	if err := ctx.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: err %v, want %v", err, context.Canceled)
	}
	if err := child.Err(); !errors.Is(err, context.Canceled) {
		t.Errorf("derived context: err %v, want %v", err, context.Canceled)
	}
}
