package preview

import (
	"fmt"
	"strconv"
)

// node is a value of a plan (before or after) together with its marks: the
// matching parts of before_sensitive/after_sensitive and after_unknown.
// Every attribute the preview shows is read through a node, so that a value
// the plan marks sensitive is never shown, whatever its type or depth.
type node struct {
	v         any
	sensitive any // true, false, or a map/slice of marks shaped like v
	unknown   any
}

func (n node) get(key string) node {
	m, _ := n.v.(map[string]any)
	return node{v: m[key], sensitive: mark(n.sensitive, key), unknown: mark(n.unknown, key)}
}

func (n node) index(i int) node {
	s, _ := n.v.([]any)
	var v any
	if i < len(s) {
		v = s[i]
	}
	return node{v: v, sensitive: markAt(n.sensitive, i), unknown: markAt(n.unknown, i)}
}

// items are the elements of a list or set value.
func (n node) items() []node {
	s, _ := n.v.([]any)
	out := make([]node, len(s))
	for i := range s {
		out[i] = n.index(i)
	}
	return out
}

func (n node) isSensitive() bool { return n.sensitive == true }
func (n node) isUnknown() bool   { return n.unknown == true }
func (n node) isNull() bool      { return n.v == nil && !n.isUnknown() }

// text is the node as something to display.
func (n node) text() Text {
	switch {
	case n.isSensitive():
		return Text{State: Sensitive}
	case n.isUnknown():
		return Text{State: Unknown}
	case n.v == nil:
		return Text{State: Null}
	}
	return Text{S: scalar(n.v)}
}

// str is the node's string when it is known, not sensitive and not null.
func (n node) str() string {
	if t := n.text(); t.State == Known {
		return t.S
	}
	return ""
}

// boolean is the node's value when it is a known, visible true.
func (n node) isTrue() bool { return !n.isSensitive() && n.v == true }

// number is the node's value when it is a known, visible number.
func (n node) number() (float64, bool) {
	f, ok := n.v.(float64)
	return f, ok && !n.isSensitive()
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

// mark is the mark of key within a mark of an object: a whole-object true
// marks every attribute.
func mark(m any, key string) any {
	switch x := m.(type) {
	case bool:
		return x
	case map[string]any:
		return x[key]
	}
	return nil
}

func markAt(m any, i int) any {
	switch x := m.(type) {
	case bool:
		return x
	case []any:
		if i < len(x) {
			return x[i]
		}
	}
	return nil
}

// TextState says whether a Text can be shown.
type TextState int

const (
	// Known text is shown (escaped).
	Known TextState = iota
	// Null means the attribute is not set.
	Null
	// Unknown text is only known after apply.
	Unknown
	// Sensitive text is marked sensitive by the plan and never shown.
	Sensitive
)

// Text is a string from the plan, or why there is none to show.
type Text struct {
	S     string
	State TextState
}

// Placeholder is what stands in for text that cannot be shown.
func (t Text) Placeholder() string {
	switch t.State {
	case Unknown:
		return "(known after apply)"
	case Sensitive:
		return "(sensitive value)"
	}
	return ""
}

// Visible reports whether the text is known and may be shown.
func (t Text) Visible() bool { return t.State == Known }

// Present reports whether there is something to show, text or placeholder.
func (t Text) Present() bool { return t.State != Null && (t.State != Known || t.S != "") }
