package provider

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// frameworkServer is what terraform-plugin-framework's protocol 6 server
// implements; tf6server looks for the list, action and state store methods
// by type assertion, so a wrapper must keep them all.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// NewServer is the provider's protocol 6 server, for tf6server.Serve: the
// framework's (providerserver.NewProtocol6), with the per-resource RPCs
// given a context that is let go of when the RPC returns.
//
// terraform-plugin-framework v1.19 keeps the cancel function of every RPC's
// context until StopProvider (proto6server.Server.registerContext), and with
// it the context and everything it references, the request's loggers above
// all: a plan over 2000 posts grew the heap by about 140 MB that the garbage
// collector then scanned again on every cycle. The wrapped RPCs run with a
// context that forgets the request's context as soon as they return, so the
// framework keeps a few bytes per RPC instead. The RPCs left alone are the
// rare ones, and those whose context is used after they return (the
// streamed results of ListResource and InvokeAction).
func NewServer(p func() tfprotov6.ProviderServer) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		s := p()
		if fs, ok := s.(frameworkServer); ok {
			return releasingServer{fs}
		}
		return s
	}
}

// NewProtocol6 is what main serves: the provider (New) on the framework's
// server, wrapped by NewServer.
func NewProtocol6(version string, opts ...Option) func() tfprotov6.ProviderServer {
	return NewServer(func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(New(version, opts...)())() })
}

type releasingServer struct{ frameworkServer }

// released runs an RPC with a context it lets go of when the RPC returns.
func released[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	ctx, release := rpcContext(ctx)
	defer release()
	return rpc(ctx, req)
}

func (s releasingServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return released(ctx, req, s.frameworkServer.ValidateResourceConfig)
}

func (s releasingServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return released(ctx, req, s.frameworkServer.UpgradeResourceState)
}

func (s releasingServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return released(ctx, req, s.frameworkServer.UpgradeResourceIdentity)
}

func (s releasingServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return released(ctx, req, s.frameworkServer.ReadResource)
}

func (s releasingServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return released(ctx, req, s.frameworkServer.PlanResourceChange)
}

func (s releasingServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return released(ctx, req, s.frameworkServer.ApplyResourceChange)
}

func (s releasingServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return released(ctx, req, s.frameworkServer.ImportResourceState)
}

func (s releasingServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return released(ctx, req, s.frameworkServer.ValidateDataResourceConfig)
}

func (s releasingServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return released(ctx, req, s.frameworkServer.ReadDataSource)
}

// releasableContext is an RPC's context until release; then it keeps only
// its done channel, deadline and error, and has no values (a log call made
// after the RPC returned logs nothing): what outlives the RPC no longer
// holds the request.
type releasableContext struct {
	done        <-chan struct{}
	deadline    time.Time
	hasDeadline bool

	mu  sync.RWMutex
	ctx context.Context // nil once released
	err error           // ctx.Err() when released
}

// rpcContext wraps an RPC's context; call release when the RPC returns.
func rpcContext(ctx context.Context) (context.Context, func()) {
	c := &releasableContext{done: ctx.Done(), ctx: ctx}
	c.deadline, c.hasDeadline = ctx.Deadline()
	return c, c.release
}

func (c *releasableContext) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx != nil {
		c.err, c.ctx = c.ctx.Err(), nil
	}
}

func (c *releasableContext) Deadline() (time.Time, bool) { return c.deadline, c.hasDeadline }

// Done is the RPC's own channel, so that contexts derived from this one are
// cancelled with the RPC without a goroutine each (the context package
// recognises its parent's channel).
func (c *releasableContext) Done() <-chan struct{} { return c.done }

func (c *releasableContext) Err() error {
	c.mu.RLock()
	ctx, err := c.ctx, c.err
	c.mu.RUnlock()
	switch {
	case ctx != nil:
		return ctx.Err()
	case err != nil:
		return err
	}
	select {
	case <-c.done: // cancelled after the RPC returned, as gRPC does
		return context.Canceled
	default:
		return nil
	}
}

func (c *releasableContext) Value(key any) any {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.ctx == nil {
		return nil
	}
	return c.ctx.Value(key)
}
