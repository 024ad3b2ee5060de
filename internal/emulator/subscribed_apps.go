package emulator

import (
	"slices"
	"sort"
)

// /{id}/subscribed_apps: an account enables webhook delivery for the app, on
// the IG user with Instagram login, or on the linked Page with a Page token
// (Facebook login) (https://developers.facebook.com/docs/instagram-platform/webhooks).
// Subscriptions are keyed "ig:{account}" or "page:{page}".

// subscribedAppsKey names the subscription of the IG user or Page a request is on.
func subscribedAppsKey(t *target) string {
	if t.kind == kindPage {
		return "page:" + t.pageID
	}
	return "ig:" + t.account.ID
}

// listSubscribedApps is GET /{ig-user-id|page-id}/subscribed_apps.
func (s *Server) listSubscribedApps(_ *request, t *target) (any, *apiError) {
	fields, ok := s.st.hooks.subscribed[subscribedAppsKey(t)]
	data := []any{}
	if ok {
		item := map[string]any{"subscribed_fields": append([]string{}, fields...)}
		if t.kind == kindPage {
			item["id"], item["name"], item["category"] = DefaultAppID, "Emulator App", "Business"
			item["link"] = "https://www.facebook.com/games/?app_id=" + DefaultAppID
		} else {
			item["app_id"] = DefaultAppID
		}
		data = append(data, item)
	}
	return map[string]any{"data": data}, nil
}

// subscribeApp is POST /{ig-user-id|page-id}/subscribed_apps?subscribed_fields=…:
// it replaces the fields (Options.SubscribedFieldsMerge adds them instead).
func (s *Server) subscribeApp(req *request, t *target) (any, *apiError) {
	hs, key := s.st.hooks, subscribedAppsKey(t)
	raw, _ := req.param("subscribed_fields")
	fields := parseList(raw)
	if len(fields) == 0 {
		return nil, errMissingParam("subscribed_fields")
	}
	object := "instagram"
	if t.kind == kindPage {
		object = "page"
	}
	if err := checkFields(object, fields); err != nil {
		return nil, err
	}
	if s.opts.SubscribedFieldsMerge {
		for _, f := range hs.subscribed[key] {
			if !slices.Contains(fields, f) {
				fields = append(fields, f)
			}
		}
	}
	sort.Strings(fields)
	hs.subscribed[key] = slices.Compact(fields)
	return map[string]any{"success": true}, nil
}

// unsubscribeApp is DELETE /{ig-user-id|page-id}/subscribed_apps.
func (s *Server) unsubscribeApp(_ *request, t *target) (any, *apiError) {
	delete(s.st.hooks.subscribed, subscribedAppsKey(t))
	return map[string]any{"success": true}, nil
}

// accountSubscribed: the app receives an account's events once the account
// enabled it (subscribed_apps on the IG user or on its Page). Which fields
// the account listed does not matter (the Instagram webhooks guide: no account-level customization).
func (s *Server) accountSubscribed(accountID string) bool {
	a := s.st.accounts[accountID]
	if a == nil {
		return false
	}
	_, ig := s.st.hooks.subscribed["ig:"+accountID]
	_, page := s.st.hooks.subscribed["page:"+a.PageID]
	return ig || page
}

// SubscribedFields returns an account's subscribed_apps fields (Instagram
// login on the IG user, else on its Page) and whether it is subscribed.
func (s *Server) SubscribedFields(accountID string) ([]string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.st.hooks.subscribed["ig:"+accountID]; ok {
		return append([]string{}, f...), true
	}
	if a := s.st.accounts[accountID]; a != nil {
		if f, ok := s.st.hooks.subscribed["page:"+a.PageID]; ok {
			return append([]string{}, f...), true
		}
	}
	return nil, false
}

// SetSubscribedFieldsOutOfBand replaces an account's subscribed fields on
// the IG user (Instagram login) or its Page (pageLevel); nil unsubscribes.
func (s *Server) SetSubscribedFieldsOutOfBand(accountID string, pageLevel bool, fields []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.st.accounts[accountID]
	if a == nil {
		return false
	}
	key := "ig:" + accountID
	if pageLevel {
		key = "page:" + a.PageID
	}
	if fields == nil {
		delete(s.st.hooks.subscribed, key)
	} else {
		s.st.hooks.subscribed[key] = append([]string{}, fields...)
	}
	return true
}
