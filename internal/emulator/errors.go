package emulator

import "fmt"

// ErrorBody is the Graph error envelope's inner object (without fbtrace_id,
// which the emulator assigns per response).
type ErrorBody struct {
	Message     string `json:"message"`
	Type        string `json:"type"`
	Code        int    `json:"code"`
	Subcode     int    `json:"error_subcode,omitempty"`
	IsTransient bool   `json:"is_transient"`
	UserTitle   string `json:"error_user_title,omitempty"`
	UserMsg     string `json:"error_user_msg,omitempty"`
}

// apiError is an ErrorBody plus the HTTP status it is served with.
type apiError struct {
	status int
	body   ErrorBody
}

func (e *apiError) Error() string {
	return fmt.Sprintf("graph error %d/%d: %s", e.body.Code, e.body.Subcode, e.body.Message)
}

// envelope renders the JSON error object with the response's trace id.
func (e *apiError) envelope(trace string) map[string]any {
	b := e.body
	inner := map[string]any{
		"message":      b.Message,
		"type":         b.Type,
		"code":         b.Code,
		"is_transient": b.IsTransient,
		"fbtrace_id":   trace,
	}
	if b.Subcode != 0 {
		inner["error_subcode"] = b.Subcode
	}
	if b.UserTitle != "" {
		inner["error_user_title"] = b.UserTitle
	}
	if b.UserMsg != "" {
		inner["error_user_msg"] = b.UserMsg
	}
	return map[string]any{"error": inner}
}

func oauthErr(code, subcode int, msg string) *apiError {
	return &apiError{status: 400, body: ErrorBody{Message: msg, Type: "OAuthException", Code: code, Subcode: subcode}}
}

// userErr is an OAuthException that also carries the localized user title/message
// (the publishing errors of
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes do).
func userErr(code, subcode int, msg, title, userMsg string) *apiError {
	e := oauthErr(code, subcode, msg)
	e.body.UserTitle, e.body.UserMsg = title, userMsg
	return e
}

func errInvalidToken() *apiError {
	return oauthErr(190, 0, "Invalid OAuth access token - Cannot parse access token")
}

// errUnsupported is Graph's "not found / no permission / wrong method" answer (100/33).
// Providers map it to "object gone".
func errUnsupported(method, id string) *apiError {
	return &apiError{status: 400, body: ErrorBody{
		Message: fmt.Sprintf("Unsupported %s request. Object with ID '%s' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
			methodWord(method), id),
		Type: "GraphMethodException", Code: 100, Subcode: 33,
	}}
}

// errMethodNotAllowed is for a known edge used with a method it does not
// support. Deliberately without subcode 33 so that it never reads as "gone".
func errMethodNotAllowed(method string) *apiError {
	return &apiError{status: 400, body: ErrorBody{
		Message: fmt.Sprintf("Unsupported %s request.", methodWord(method)),
		Type:    "GraphMethodException", Code: 100,
	}}
}

func methodWord(method string) string {
	switch method {
	case "POST":
		return "post"
	case "DELETE":
		return "delete"
	default:
		return "get"
	}
}

func errNonexistingField(field, nodeType string) *apiError {
	return oauthErr(100, 0, fmt.Sprintf("(#100) Tried accessing nonexisting field (%s) on node type (%s)", field, nodeType))
}

func errUnknownPath(rest string) *apiError {
	return oauthErr(2500, 0, "Unknown path components: "+rest)
}

func errParam(format string, args ...any) *apiError {
	return oauthErr(100, 0, "(#100) "+fmt.Sprintf(format, args...))
}

func errMissingParam(name string) *apiError {
	return errParam("The parameter %s is required", name)
}
