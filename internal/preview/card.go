package preview

import "time"

// Resource types the preview shows as cards.
const (
	typeMedia           = "instagram_media"
	typeComment         = "instagram_comment"
	typeCommentSettings = "instagram_comment_settings"
)

// Verb is what a change does, in one word a summary can sort and count by.
type Verb string

// The verbs of cards.
const (
	VerbPublish   Verb = "publish"   // a new post goes out now
	VerbSchedule  Verb = "schedule"  // a post waits for its publish_at
	VerbReplace   Verb = "replace"   // a new post takes the place of a published one
	VerbDelete    Verb = "delete"    // a post or comment is deleted from Instagram
	VerbForget    Verb = "forget"    // Terraform forgets it; it stays on Instagram
	VerbUpdate    Verb = "update"    // something changes in place
	VerbMissed    Verb = "missed"    // a scheduled post missed its window
	VerbUnchanged Verb = "unchanged" // nothing happens on Instagram
)

// Card is one change as a reviewer sees it.
type Card struct {
	Address string
	// Kind is the resource type (instagram_media, instagram_comment, …).
	Kind string
	Verb Verb
	// Says is what the change means, in words.
	Says []Span
	// When is when it goes out: zero for now (at the plan's time), else the
	// scheduled time. WhenText says it in words.
	When     time.Time
	WhenText string
	// Post is the post of an instagram_media change; Message the text of a
	// comment.
	Post    *Post
	Message Text
	Checks  []Check
}

// Span is a piece of a sentence: plain text, or emphasised.
type Span struct {
	Text   string
	Strong bool
	// Link, when set, is an https URL of instagram.com the text links to.
	Link string
}

// Post is what a post will look like (or looked like, for a deletion).
type Post struct {
	Type  string // IMAGE, REELS, CAROUSEL, STORIES; "" when unknown
	Items []Item // one for a single image or video; a carousel's items
	// ItemsHidden: a carousel's children are sensitive or known after
	// apply, so how many there are is not shown.
	ItemsHidden bool
	// CollaboratorsHidden is the collaborators list as a whole when it is
	// sensitive or known after apply (its placeholder), else Null.
	CollaboratorsHidden Text
	Caption             Text
	AltText             Text
	LocationID          Text
	Collaborators       []Collaborator
	UserTags            []UserTag
	Labels              []string
	// AudioName names a reel's original audio; AudioTrack is its licensed
	// audio (the audio attribute), in words.
	AudioName, AudioTrack Text
	// Deletes is the id of the published post the change deletes from
	// Instagram (a deletion, or a republish with deletion_policy "delete"),
	// "" when it deletes none: the grid leaves it out.
	Deletes string
}

// Item is one image or video of a post.
type Item struct {
	Video bool
	// Image is the URL of the picture to show: the image, a reel's cover.
	Image Text
	// VideoURL, VideoFile and VideoHash describe a video (a URL or a local
	// file and its sha256); VideoSize is the file's size when it is readable
	// from where the preview runs, else -1.
	VideoURL, VideoFile, VideoHash Text
	VideoSize                      int64
	AltText                        Text
	UserTags                       []UserTag
}

// Collaborator is an account invited to co-author the post, and its answer
// to the invite when the plan knows it ("accepted", "declined", …).
type Collaborator struct {
	Username Text
	Invite   string
}

// UserTag is a person tagged on an image, at x, y (0–1) when given.
type UserTag struct {
	Username Text
	X, Y     *float64
}

// Check is one of Instagram's limits applied to the post.
type Check struct {
	Name         string
	Value, Limit int
	// Min is the least allowed (carousel items), 0 when there is none.
	Min int
	// Unknown: the value is not known before apply (or is sensitive).
	Unknown bool
}

// Over reports whether the check fails.
func (c Check) Over() bool {
	return !c.Unknown && (c.Value > c.Limit || c.Value < c.Min)
}

// Failed reports whether any check of the card fails.
func (c *Card) Failed() bool {
	for _, ch := range c.Checks {
		if ch.Over() {
			return true
		}
	}
	return false
}
