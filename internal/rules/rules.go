// Package rules holds Instagram's rules for what a post or a comment may
// say: the limits Meta documents for captions, carousels, collaborators and
// alt text, and what Instagram takes for a hashtag or an @mention. It is
// plain Go (no Terraform, no network) so that the one copy of each rule
// serves everything that applies it: instagram_media's and
// instagram_comment's plan-time checks, the provider functions
// (caption_stats, hashtags, mentions, check_media) and the plan preview
// (instagram-preview).
//
// The limits are those of the IG User Media reference
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
// and the content publishing guide
// (https://developers.facebook.com/docs/instagram-platform/content-publishing).
package rules

// Limits of a post, from Meta's content publishing reference.
const (
	// MaxCaptionLength is the longest caption (and comment), in characters
	// as Length counts them.
	MaxCaptionLength = 2200
	// MaxHashtags and MaxMentions bound the distinct hashtags and @mentions
	// of a caption or comment.
	MaxHashtags = 30
	MaxMentions = 20
	// MaxAltTextLength bounds an image's alt text.
	MaxAltTextLength = 1000
	// MinCarouselItems and MaxCarouselItems bound a carousel's items.
	MinCarouselItems = 2
	MaxCarouselItems = 10
	// MaxCollaborators bounds the accounts invited to co-author a post (the
	// collaborators parameter; one copy of Meta's collaborators edge page
	// says 5, the parameter's says 3: 3 is the one Instagram enforces).
	MaxCollaborators = 3
	// MaxSponsors bounds the brands of a paid partnership.
	MaxSponsors = 2
	// MaxUserTags bounds the people tagged on one image or video.
	MaxUserTags = 20
	// MaxUsernameLength is the longest Instagram username.
	MaxUsernameLength = 30
	// FoldLength is about how much of a caption Instagram shows under a post
	// in the feed before "… more".
	FoldLength = 125
	// FoldLines is how many lines of a caption the feed shows before "… more".
	FoldLines = 2
)

// A poll (a caption add-on) offers 2 to 4 options. Meta's Instagram guide
// gives no length for an option; 25 characters is the limit of Threads'
// polls, which share the parameter (uncertain for Instagram).
const (
	MinPollOptions      = 2
	MaxPollOptions      = 4
	MaxPollOptionLength = 25
)
