package provider

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Every RPC of the protocol, called through the provider's server, answers
// without the secrets the provider knows, whatever the framework's server
// put in the answer: diagnostics, list results, action progress and
// completion, state chunks, function errors, StopProvider's error and the
// RPC's own error. A new RPC in terraform-plugin-go fails to compile in
// server_rpcs.go and here (leaky) until it is handled.
func TestServer_redactsEveryRPC(t *testing.T) {
	const secret = "EAAB-secret-token/with+chars"
	secrets := common.NewSecrets()
	secrets.Add(secret)
	s := reflect.ValueOf(server{inner: leaky{secret}, secrets: secrets})
	rpcs := reflect.TypeFor[frameworkServer]()
	for i := range rpcs.NumMethod() {
		name := rpcs.Method(i).Name
		t.Run(name, func(t *testing.T) {
			rpc := s.MethodByName(name)
			req := reflect.New(rpc.Type().In(1).Elem())
			out := rpc.Call([]reflect.Value{reflect.ValueOf(t.Context()), req})
			answer := render(t, out[0].Interface())
			if err, _ := out[1].Interface().(error); err != nil {
				answer += "\nerror: " + err.Error()
			}
			for _, form := range []string{secret, "secret-token"} {
				if strings.Contains(answer, form) {
					t.Errorf("the answer quotes the secret:\n%s", answer)
				}
			}
			if !strings.Contains(answer, "Meta said "+common.Redacted) {
				t.Errorf("the answer lost the message around the secret:\n%s", answer)
			}
		})
	}
}

// render is an answer as JSON, with its streams (iter.Seq fields) read to
// the end.
func render(t *testing.T, answer any) string {
	t.Helper()
	v := reflect.ValueOf(answer).Elem()
	out := map[string]any{}
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Func {
			out[v.Type().Field(i).Name] = f.Interface()
			continue
		}
		var items []any
		yield := reflect.MakeFunc(f.Type().In(0), func(args []reflect.Value) []reflect.Value {
			items = append(items, args[0].Interface())
			return []reflect.Value{reflect.ValueOf(true)}
		})
		f.Call([]reflect.Value{yield})
		out[v.Type().Field(i).Name] = items
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// leaky is a framework server whose every answer quotes a secret, as a
// diagnostic that passes on Meta's message would.
type leaky struct{ secret string }

func (l leaky) text() string { return "Meta said " + l.secret }

func (l leaky) err() error { return errors.New(l.text()) }

func (l leaky) diags() []*tfprotov6.Diagnostic {
	return []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: l.text(), Detail: l.text()}}
}

func (l leaky) events(yield func(tfprotov6.InvokeActionEvent) bool) {
	_ = yield(tfprotov6.InvokeActionEvent{Type: tfprotov6.ProgressInvokeActionEventType{Message: l.text()}}) &&
		yield(tfprotov6.InvokeActionEvent{Type: tfprotov6.CompletedInvokeActionEventType{Diagnostics: l.diags()}})
}

func (l leaky) ApplyResourceChange(context.Context, *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return &tfprotov6.ApplyResourceChangeResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) CallFunction(context.Context, *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return &tfprotov6.CallFunctionResponse{Error: &tfprotov6.FunctionError{Text: l.text()}}, l.err()
}

func (l leaky) CloseEphemeralResource(context.Context, *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return &tfprotov6.CloseEphemeralResourceResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ConfigureStateStore(context.Context, *tfprotov6.ConfigureStateStoreRequest) (*tfprotov6.ConfigureStateStoreResponse, error) {
	return &tfprotov6.ConfigureStateStoreResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) DeleteState(context.Context, *tfprotov6.DeleteStateRequest) (*tfprotov6.DeleteStateResponse, error) {
	return &tfprotov6.DeleteStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GenerateResourceConfig(context.Context, *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return &tfprotov6.GenerateResourceConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GetFunctions(context.Context, *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return &tfprotov6.GetFunctionsResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GetMetadata(context.Context, *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	return &tfprotov6.GetMetadataResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GetProviderSchema(context.Context, *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return &tfprotov6.GetProviderSchemaResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GetResourceIdentitySchemas(context.Context, *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov6.GetResourceIdentitySchemasResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) GetStates(context.Context, *tfprotov6.GetStatesRequest) (*tfprotov6.GetStatesResponse, error) {
	return &tfprotov6.GetStatesResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ImportResourceState(context.Context, *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return &tfprotov6.ImportResourceStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) InvokeAction(context.Context, *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	return &tfprotov6.InvokeActionServerStream{Events: l.events}, l.err()
}

func (l leaky) ListResource(context.Context, *tfprotov6.ListResourceRequest) (*tfprotov6.ListResourceServerStream, error) {
	return &tfprotov6.ListResourceServerStream{Results: func(yield func(tfprotov6.ListResourceResult) bool) {
		yield(tfprotov6.ListResourceResult{DisplayName: "a post", Diagnostics: l.diags()})
	}}, l.err()
}

func (l leaky) LockState(context.Context, *tfprotov6.LockStateRequest) (*tfprotov6.LockStateResponse, error) {
	return &tfprotov6.LockStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) MoveResourceState(context.Context, *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return &tfprotov6.MoveResourceStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) OpenEphemeralResource(context.Context, *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return &tfprotov6.OpenEphemeralResourceResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) PlanAction(context.Context, *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return &tfprotov6.PlanActionResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) PlanResourceChange(context.Context, *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return &tfprotov6.PlanResourceChangeResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ReadDataSource(context.Context, *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return &tfprotov6.ReadDataSourceResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ReadResource(context.Context, *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return &tfprotov6.ReadResourceResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ReadStateBytes(context.Context, *tfprotov6.ReadStateBytesRequest) (*tfprotov6.ReadStateBytesStream, error) {
	return &tfprotov6.ReadStateBytesStream{Chunks: func(yield func(tfprotov6.ReadStateByteChunk) bool) {
		yield(tfprotov6.ReadStateByteChunk{Diagnostics: l.diags()})
	}}, l.err()
}

func (l leaky) RenewEphemeralResource(context.Context, *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return &tfprotov6.RenewEphemeralResourceResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) StopProvider(context.Context, *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return &tfprotov6.StopProviderResponse{Error: l.text()}, l.err()
}

func (l leaky) UnlockState(context.Context, *tfprotov6.UnlockStateRequest) (*tfprotov6.UnlockStateResponse, error) {
	return &tfprotov6.UnlockStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) UpgradeResourceIdentity(context.Context, *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return &tfprotov6.UpgradeResourceIdentityResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) UpgradeResourceState(context.Context, *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return &tfprotov6.UpgradeResourceStateResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateActionConfig(context.Context, *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return &tfprotov6.ValidateActionConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateDataResourceConfig(context.Context, *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return &tfprotov6.ValidateDataResourceConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateEphemeralResourceConfig(context.Context, *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return &tfprotov6.ValidateEphemeralResourceConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateListResourceConfig(context.Context, *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return &tfprotov6.ValidateListResourceConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateProviderConfig(context.Context, *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return &tfprotov6.ValidateProviderConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateResourceConfig(context.Context, *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) ValidateStateStoreConfig(context.Context, *tfprotov6.ValidateStateStoreConfigRequest) (*tfprotov6.ValidateStateStoreConfigResponse, error) {
	return &tfprotov6.ValidateStateStoreConfigResponse{Diagnostics: l.diags()}, l.err()
}

func (l leaky) WriteStateBytes(context.Context, *tfprotov6.WriteStateBytesStream) (*tfprotov6.WriteStateBytesResponse, error) {
	return &tfprotov6.WriteStateBytesResponse{Diagnostics: l.diags()}, l.err()
}
