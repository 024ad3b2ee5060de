package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
)

// CheckMediaMatchesEmulator asserts that the post in state is published on
// the emulator and that the state's read-back attributes equal the
// emulator's record.
func (e *Env) CheckMediaMatchesEmulator(address string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		m, ok := e.Emulator.Media(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("%s: media %s does not exist on the emulator", address, rs.Primary.ID)
		}
		want := map[string]string{
			"permalink": m.Permalink, "shortcode": m.Shortcode, "account_id": m.AccountID,
			"media_type": m.MediaType, "media_product_type": m.MediaProductType,
			"caption": m.Caption,
		}
		if ts, err := graph.ParseTime(rs.Primary.Attributes["timestamp"]); err != nil || !ts.Equal(m.Timestamp) {
			return fmt.Errorf("%s: timestamp = %q in state, %s on the emulator", address, rs.Primary.Attributes["timestamp"], m.Timestamp)
		}
		for k, v := range want {
			if got := rs.Primary.Attributes[k]; got != v {
				return fmt.Errorf("%s: %s = %q in state, %q on the emulator", address, k, got, v)
			}
		}
		return nil
	}
}
