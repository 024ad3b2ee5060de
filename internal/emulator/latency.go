package emulator

import "time"

// routeLatency is the configured real-time delay of a route (Options.Latency,
// Options.RouteLatency). Called with s.mu held.
func (s *Server) routeLatency(route string) time.Duration {
	if d, ok := s.opts.RouteLatency[route]; ok {
		return d
	}
	return s.opts.Latency
}

// SetLatency changes Options.Latency at run time (benchmarks).
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Latency = d
}
