package graph

import (
	"context"
	"iter"
	"net/http"
	"net/url"
)

// PagesService discovers IG accounts through Facebook Pages (Facebook Login).
type PagesService service

// Page is a Facebook Page the token can act on.
type Page struct {
	ID                       string            `json:"id"`
	Name                     string            `json:"name"`
	InstagramBusinessAccount *InstagramAccount `json:"instagram_business_account,omitempty"` // nil when no IG account is linked
}

// InstagramAccount is the IG professional account linked to a Page.
type InstagramAccount struct {
	ID       string `json:"id"`
	Username string `json:"username,omitempty"`
}

// ListAccounts lists GET /me/accounts with each Page's linked IG account.
func (s *PagesService) ListAccounts(ctx context.Context) iter.Seq2[*Page, error] {
	req := &Request{
		Method: http.MethodGet,
		Path:   "/me/accounts",
		Params: url.Values{"fields": {"id,name,instagram_business_account{id,username}"}},
	}
	return Paginate[*Page](ctx, s.client, req, 0)
}
