package provider

import (
	"context"
	"errors"
	"iter"
	"reflect"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// The provider's protocol 6 server: the framework's (providerserver), with
// every RPC wrapped twice.
//
// Secrets. Every message the provider answers (diagnostics' summaries and
// details, warnings, action progress, function and RPC errors) passes through
// here, and every secret the provider process has seen (common.Secrets: the
// access token, app secret and app token, appsecret_proofs, tokens it was
// given, verify tokens) is replaced in it, wherever it appears: Meta's own
// messages may quote a secret or echo a URL that carries one. The provider's
// logs (tflog) mask the same values. terraform-plugin-go logs the
// diagnostics it receives from here, so they are masked too.
//
// Memory. terraform-plugin-framework v1.19 keeps the cancel function of
// every RPC's context until StopProvider (proto6server.Server.registerContext),
// and with it the context and everything it references, the request's
// loggers above all: a plan over 2000 posts grew the heap by about 140 MB
// that the garbage collector then scanned again on every cycle. The
// per-resource RPCs run with a context that forgets the request's context as
// soon as they return (rpcContext), so the framework keeps a few bytes per
// RPC instead. The RPCs left alone are the rare ones, and those whose context
// is used after they return (the streamed results of ListResource and
// InvokeAction).

// frameworkServer is what terraform-plugin-framework's protocol 6 server
// implements; tf6server looks for the list, action and state store methods
// by type assertion, so the wrapper implements them all.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// NewProtocol6 is what main serves: the provider (New) on Server.
func NewProtocol6(version string, opts ...Option) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return Server(New(version, opts...)()) }
}

// Server is the protocol 6 server of a provider made by New: the framework's,
// wrapped so that no message carries the provider's secrets and no RPC's
// context outlives it (see above).
func Server(p provider.Provider) tfprotov6.ProviderServer {
	var secrets *common.Secrets
	if ip, ok := p.(*instagramProvider); ok {
		secrets = ip.secrets
	}
	return wrap(providerserver.NewProtocol6(p)(), secrets)
}

// NewServer wraps another framework provider's server the same way, with no
// secrets to redact: the bench's baseline providers are served like this one.
func NewServer(p func() tfprotov6.ProviderServer) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return wrap(p(), nil) }
}

func wrap(s tfprotov6.ProviderServer, secrets *common.Secrets) tfprotov6.ProviderServer {
	if fs, ok := s.(frameworkServer); ok {
		return server{inner: fs, secrets: secrets}
	}
	return s
}

// server wraps the framework's server. inner is a named field, not an
// embedded one, so that the compiler asks for every RPC (server_rpcs.go): a
// protocol version with a new RPC cannot pass one through unredacted.
type server struct {
	inner   frameworkServer
	secrets *common.Secrets
}

var _ frameworkServer = server{}

// call runs an RPC with the provider's logs masked, and redacts its answer.
func call[Req, Resp any](s server, ctx context.Context, req Req, rpc func(context.Context, Req) (*Resp, error)) (*Resp, error) {
	resp, err := rpc(s.secrets.MaskLogs(ctx), req)
	return redacted(s, resp, err)
}

// released is call with a context that is let go of when the RPC returns.
func released[Req, Resp any](s server, ctx context.Context, req Req, rpc func(context.Context, Req) (*Resp, error)) (*Resp, error) {
	ctx, release := rpcContext(s.secrets.MaskLogs(ctx))
	defer release()
	resp, err := rpc(ctx, req)
	return redacted(s, resp, err)
}

// redacted redacts an answer's diagnostics and the RPC's error.
func redacted[Resp any](s server, resp *Resp, err error) (*Resp, error) {
	if resp != nil {
		s.redactDiagnostics(diagnosticsOf(resp))
	}
	return resp, s.redactError(err)
}

// diagnosticsOf is the Diagnostics field of a protocol answer. Every answer
// of tfprotov6 has one, except those whose RPCs redact them themselves
// (CallFunction, StopProvider and the streams); TestServer_redactsEveryRPC
// fails if an RPC's answer keeps a message elsewhere.
func diagnosticsOf(resp any) []*tfprotov6.Diagnostic {
	v := reflect.ValueOf(resp)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("Diagnostics")
	if !f.IsValid() {
		return nil
	}
	diags, _ := f.Interface().([]*tfprotov6.Diagnostic)
	return diags
}

func (s server) redactDiagnostics(diags []*tfprotov6.Diagnostic) {
	for _, d := range diags {
		if d != nil {
			d.Summary, d.Detail = s.secrets.Redact(d.Summary), s.secrets.Redact(d.Detail)
		}
	}
}

func (s server) redactError(err error) error {
	if err == nil {
		return nil
	}
	if msg := s.secrets.Redact(err.Error()); msg != err.Error() {
		return errors.New(msg)
	}
	return err
}

// The RPCs with answers of their own shape.

func (s server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	resp, err := s.inner.CallFunction(s.secrets.MaskLogs(ctx), req)
	if resp != nil && resp.Error != nil {
		resp.Error.Text = s.secrets.Redact(resp.Error.Text)
	}
	return resp, s.redactError(err)
}

func (s server) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	resp, err := s.inner.StopProvider(ctx, req)
	if resp != nil {
		resp.Error = s.secrets.Redact(resp.Error)
	}
	return resp, s.redactError(err)
}

func (s server) ListResource(ctx context.Context, req *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	stream, err := s.inner.ListResource(s.secrets.MaskLogs(ctx), req)
	if stream != nil {
		stream.Results = redactedSeq(stream.Results, func(r *tfprotov6.ListResourceResult) { s.redactDiagnostics(r.Diagnostics) })
	}
	return stream, s.redactError(err)
}

func (s server) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	stream, err := s.inner.InvokeAction(s.secrets.MaskLogs(ctx), req)
	if stream != nil {
		stream.Events = redactedSeq(stream.Events, func(e *tfprotov6.InvokeActionEvent) {
			switch t := e.Type.(type) {
			case tfprotov6.ProgressInvokeActionEventType:
				t.Message = s.secrets.Redact(t.Message)
				e.Type = t
			case tfprotov6.CompletedInvokeActionEventType:
				s.redactDiagnostics(t.Diagnostics)
			}
		})
	}
	return stream, s.redactError(err)
}

func (s server) ReadStateBytes(ctx context.Context, req *tfprotov6.ReadStateBytesRequest) (*tfprotov6.ReadStateBytesStream, error) {
	stream, err := s.inner.ReadStateBytes(s.secrets.MaskLogs(ctx), req)
	if stream != nil {
		stream.Chunks = redactedSeq(stream.Chunks, func(c *tfprotov6.ReadStateByteChunk) { s.redactDiagnostics(c.Diagnostics) })
	}
	return stream, s.redactError(err)
}

// redactedSeq is a stream whose every item goes through redact on its way.
func redactedSeq[T any](seq iter.Seq[T], redact func(*T)) iter.Seq[T] {
	if seq == nil {
		return nil
	}
	return func(yield func(T) bool) {
		for v := range seq {
			redact(&v)
			if !yield(v) {
				return
			}
		}
	}
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
