package emulator

import (
	"fmt"
	"strconv"
	"strings"
)

// SeedImagePosts publishes n IMAGE posts on the account directly, as if they
// had been published earlier (no Graph calls, no quota use), and returns
// their media ids, oldest first. The image URL of post i is imageURL with
// "%d" replaced by i (1-based). For benchmarks and tests that need many posts.
func (s *Server) SeedImagePosts(accountID, imageURL string, n int) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.accounts[accountID] == nil {
		return nil, fmt.Errorf("emulator: unknown account %s", accountID)
	}
	now := s.now()
	ids := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		c := &container{
			id: strconv.FormatInt(s.st.nextContainer, 10), accountID: accountID, kind: "IMAGE",
			imageURL: strings.ReplaceAll(imageURL, "%d", strconv.Itoa(i)), caption: fmt.Sprintf("Seeded post %d", i), created: now,
		}
		s.st.nextContainer++
		s.st.containers[c.id] = c
		m := s.newMedia(c, "", now)
		s.st.published = append(s.st.published, m)
		ids = append(ids, m.id)
	}
	return ids, nil
}
