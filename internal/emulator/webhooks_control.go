package emulator

import (
	"net/http"
)

// controlSubscription is POST /_emulator/webhooks/subscriptions/{object},
// JSON SubscriptionChange: an edit in the App Dashboard (ChangeSubscriptionOutOfBand).
func (s *Server) controlSubscription(w http.ResponseWriter, r *http.Request, object string) {
	var ch SubscriptionChange
	if !decodeControlJSON(w, r, "JSON", &ch) {
		return
	}
	if !s.ChangeSubscriptionOutOfBand(object, ch) {
		controlError(w, http.StatusNotFound, "no such subscription")
		return
	}
	controlOK(w)
}

// controlDeliveries is GET /_emulator/webhooks/deliveries: Deliveries.
func (s *Server) controlDeliveries(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, http.StatusOK, map[string]any{"data": s.Deliveries()})
}
