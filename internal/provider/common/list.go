package common

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// List resources (Terraform ≥ 1.14, `terraform query`) find existing objects
// so that they can be imported. Each list resource embeds the ResourceBase of
// its resource (same type name, same Configure) and streams ListResults.

// ListAccountID is the optional account_id of list resources: whose objects
// to look for, defaulting to the provider's account.
func ListAccountID(description string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.String{NumericID("Instagram user id")},
	}
}

// AccountListConfig is the configuration of list resources that take
// nothing but account_id.
type AccountListConfig struct {
	AccountID types.String `tfsdk:"account_id"`
}

// ListResult turns one found object into a result: the resource's full model
// (sent only when the query asked for it, e.g. -generate-config-out), the
// identity that follows from it, and a name for humans.
func ListResult(ctx context.Context, req list.ListRequest, displayName string, model any) list.ListResult {
	r := req.NewListResult(ctx)
	r.DisplayName = displayName
	r.Diagnostics.Append(r.Resource.Set(ctx, model)...)
	SetIdentity(ctx, r.Resource, r.Identity, &r.Diagnostics)
	if !req.IncludeResource {
		r.Resource = nil
	}
	return r
}

// ListWithAccount decodes a list resource's configuration and resolves its
// account_id, as DecodeWithAccount does; when that fails it ends the stream
// with the diagnostics and ok is false.
func ListWithAccount[T any](ctx context.Context, d *ProviderData, req list.ListRequest, stream *list.ListResultsStream) (m T, account string, ok bool) {
	var diags diag.Diagnostics
	if m, account, ok = DecodeWithAccount[T](ctx, d, req.Config, &diags); !ok {
		ListError(stream, diags)
	}
	return m, account, ok
}

// Pusher turns found objects into results (see ListResult) and pushes them
// to Terraform. pushed reports false once the stream must end: Terraform
// wants no more, or the query's limit is reached.
func Pusher(ctx context.Context, req list.ListRequest, push func(list.ListResult) bool) (pushed func(displayName string, model any) bool) {
	sent := int64(0)
	return func(displayName string, model any) bool {
		sent++
		return push(ListResult(ctx, req, displayName, model)) && (req.Limit <= 0 || sent < req.Limit)
	}
}

// ListError ends a list stream with an error.
func ListError(stream *list.ListResultsStream, diags diag.Diagnostics) {
	stream.Results = list.ListResultsStreamDiagnostics(diags)
}

// ListAPIError is a list result that ends the stream with a failed call.
func ListAPIError(summary string, err error) list.ListResult {
	var diags diag.Diagnostics
	AddAPIError(&diags, path.Empty(), summary, err)
	return list.ListResult{Diagnostics: diags}
}

// DisplayText shortens text to its first words, at most n characters, on one
// line: display names of list results quote captions and comments.
func DisplayText(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := []rune(text)[:n]
	if i := strings.LastIndexByte(string(cut), ' '); i > n/2 {
		return string(cut)[:i] + "…"
	}
	return string(cut) + "…"
}
