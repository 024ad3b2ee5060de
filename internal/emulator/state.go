package emulator

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// Account is an IG professional account seeded into the emulator, together
// with the Facebook Page it is linked to and the tokens that reach it.
type Account struct {
	ID                string
	Username          string
	Name              string
	Biography         string
	Website           string
	FollowersCount    int
	FollowsCount      int
	MediaCount        int    // baseline of posts that exist outside the emulator; published media add to it
	AccountType       string // "BUSINESS" or "MEDIA_CREATOR"
	PageID            string // linked Facebook Page (Facebook Login)
	PageName          string
	FacebookUserID    string // the Facebook user behind FacebookToken
	FacebookToken     string // EAA… user token; accounts sharing one token are all reachable with it
	InstagramToken    string // IG… user token (Instagram Login); reaches only this account
	InstagramScopedID string // the app-scoped id IGL /me returns as `id`
}

func defaultAccount() Account {
	return Account{
		ID:                DefaultAccountID,
		Username:          DefaultUsername,
		Name:              "Emulator Brand",
		Biography:         "A brand that only exists in the emulator.",
		Website:           "https://example.com/",
		FollowersCount:    1200,
		FollowsCount:      87,
		AccountType:       "BUSINESS",
		PageID:            DefaultPageID,
		PageName:          "Emulator Brand Page",
		FacebookUserID:    DefaultFacebookUserID,
		FacebookToken:     DefaultFacebookToken,
		InstagramToken:    DefaultInstagramToken,
		InstagramScopedID: DefaultInstagramScopedUserID,
	}
}

type tokenKind int

const (
	tokenFacebook  tokenKind = iota // Facebook Login user token (graph.facebook.com)
	tokenPage                       // Page token from /me/accounts
	tokenInstagram                  // Instagram Login user token (graph.instagram.com)
)

// tokenApp is an app access token "{app-id}|{app-secret}"
// (https://developers.facebook.com/docs/facebook-login/guides/access-tokens#apptokens).
// It reaches no IG account; only app-level edges (webhook subscriptions)
// and debug_token accept it.
const tokenApp tokenKind = 100

// appTokenInfo authenticates the seeded app's token.
var appTokenInfo = &tokenInfo{kind: tokenApp}

// appToken is the seeded app's access token.
func appToken() string { return DefaultAppID + "|" + DefaultAppSecret }

// tokenInfo is what a token reaches.
type tokenInfo struct {
	kind     tokenKind
	fbUserID string   // tokenFacebook
	pageID   string   // tokenPage
	accounts []string // IG account ids in seeding order
	// issuedAt and expiresAt are set on tokens minted by the OAuth endpoints
	// (oauth.go); seeded tokens have neither and never expire.
	issuedAt, expiresAt time.Time
}

// First ids of the container and media sequences: ids are issued upward
// from these, so the control plane walks back down to them.
const (
	firstContainerID int64 = 17880000000000001
	firstMediaID     int64 = 17900000000000001
)

type state struct {
	clockOffset time.Duration

	accounts   map[string]*Account // by IG account id
	order      []string            // account ids in seeding order
	scoped     map[string]string   // IGL scoped id → account id
	pages      map[string]string   // page id → account id
	fbUsers    map[string]string   // facebook user id → name
	tokens     map[string]*tokenInfo
	containers map[string]*container
	media      map[string]*media
	published  []*media // top-level media in publish order (oldest first)

	nextContainer int64
	nextMedia     int64
	nextTrace     int64
	nextSeq       int64

	publishes  map[string][]time.Time // account id → publish times (quota)
	containerT map[string][]time.Time // account id → container creation times (limit)

	calls      map[string]int
	totalCalls int
	tokenInURL int
	// uploadReceived counts the video bytes the upload host read (uploads.go).
	uploadReceived int64
	usage          []usageRecord
	// meteredCalls and throttledCalls count calls charged to the budgets
	// (usage.go); totalCalls counts HTTP round trips.
	meteredCalls, throttledCalls int

	comments *commentStore // comments.go
	hooks    *hookState    // webhooks.go

	faults          []*faultState
	faultRNG        *rand.Rand     // draws of Fault.Probability
	faultsApplied   map[string]int // by kind (FaultsApplied)
	processingRules []ProcessingRule

	viewers map[string]int // media id → seeded viewer count (insights.go)

	pollVotes       map[string][]int       // media id → votes per poll option (addons.go)
	audioWithdrawn  map[string]bool        // audio ids no longer available (audio.go)
	inviteReads     map[string][]time.Time // account id → GET collaboration_invites times (collaboration.go)
	inviteResponses map[string][]time.Time // account id → POST collaboration_invites times
	oembedCalls     []time.Time            // oEmbed requests of the last hour (oembed.go)

	others *others // other users' public accounts and posts, and the hashtags (others.go); built on first use

	nextToken int64 // tokens minted by the OAuth endpoints (oauth.go)
}

func newState(seeds []Account, faultSeed int64) *state {
	st := &state{
		accounts:      map[string]*Account{},
		scoped:        map[string]string{},
		pages:         map[string]string{},
		fbUsers:       map[string]string{},
		tokens:        map[string]*tokenInfo{},
		containers:    map[string]*container{},
		media:         map[string]*media{},
		nextContainer: firstContainerID,
		nextMedia:     firstMediaID,
		publishes:     map[string][]time.Time{},
		containerT:    map[string][]time.Time{},
		calls:         map[string]int{},
		comments:      newCommentStore(),
		hooks:         newHookState(),
		faultRNG:      newFaultRNG(faultSeed),
		faultsApplied: map[string]int{},

		pollVotes:       map[string][]int{},
		audioWithdrawn:  map[string]bool{},
		inviteReads:     map[string][]time.Time{},
		inviteResponses: map[string][]time.Time{},
	}
	for _, a := range seeds {
		st.addAccount(a)
	}
	return st
}

// fillAccount generates the ids an added account left empty.
func (st *state) fillAccount(a Account) Account {
	n := len(st.order) + 1
	if a.ID == "" {
		a.ID = fmt.Sprintf("178414%011d", n)
	}
	if a.Username == "" {
		a.Username = fmt.Sprintf("emulator_account_%d", n)
	}
	if a.Name == "" {
		a.Name = a.Username
	}
	if a.AccountType == "" {
		a.AccountType = "BUSINESS"
	}
	if a.PageID == "" {
		a.PageID = fmt.Sprintf("104%012d", n)
	}
	if a.PageName == "" {
		a.PageName = a.Name + " Page"
	}
	if a.FacebookToken != "" && a.FacebookUserID == "" {
		if ti := st.tokens[a.FacebookToken]; ti != nil && ti.kind == tokenFacebook {
			a.FacebookUserID = ti.fbUserID
		} else {
			a.FacebookUserID = fmt.Sprintf("102%014d", n)
		}
	}
	if a.InstagramToken != "" && a.InstagramScopedID == "" {
		a.InstagramScopedID = fmt.Sprintf("260%014d", n)
	}
	return a
}

func (st *state) addAccount(a Account) {
	acct := a
	st.accounts[a.ID] = &acct
	st.order = append(st.order, a.ID)
	st.pages[a.PageID] = a.ID
	if a.FacebookToken != "" {
		ti := st.tokens[a.FacebookToken]
		if ti == nil {
			ti = &tokenInfo{kind: tokenFacebook, fbUserID: a.FacebookUserID}
			st.tokens[a.FacebookToken] = ti
			st.fbUsers[a.FacebookUserID] = "Emulator User"
		}
		ti.accounts = append(ti.accounts, a.ID)
		st.tokens[pageToken(a.PageID)] = &tokenInfo{kind: tokenPage, pageID: a.PageID, accounts: []string{a.ID}}
	}
	if a.InstagramToken != "" {
		st.tokens[a.InstagramToken] = &tokenInfo{kind: tokenInstagram, accounts: []string{a.ID}}
		st.scoped[a.InstagramScopedID] = a.ID
	}
}

// pageToken is the Page access token /me/accounts hands out for a Page.
func pageToken(pageID string) string { return "EAAEmulatorPageToken" + pageID }

// reaches reports whether the token may act on the IG account.
func (ti *tokenInfo) reaches(accountID string) bool { return slices.Contains(ti.accounts, accountID) }

func (st *state) trace() string {
	st.nextTrace++
	return fmt.Sprintf("AEmu%019d", st.nextTrace)
}
