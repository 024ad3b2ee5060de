package preview

import (
	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/rules"
)

// textChecks are the limits of a caption or comment, by the provider's own
// rules: length, hashtags, mentions.
func textChecks(t Text) []Check {
	if !t.Present() {
		return nil
	}
	unknown := !t.Visible()
	stats := rules.Caption(t.S)
	return []Check{
		{Name: "characters", Value: stats.Length, Limit: rules.MaxCaptionLength, Unknown: unknown},
		{Name: "hashtags", Value: len(stats.Hashtags), Limit: rules.MaxHashtags, Unknown: unknown},
		{Name: "mentions", Value: len(stats.Mentions), Limit: rules.MaxMentions, Unknown: unknown},
	}
}

// cardChecks are the limits of what the card sends to Instagram: none for
// a post or comment that is deleted or forgotten, or whose Terraform
// settings alone change (an adopted carousel has no children in its
// configuration, and the provider checks none then).
func cardChecks(c *Card) []Check {
	switch {
	case c.Verb == VerbDelete || c.Verb == VerbForget || c.Verb == VerbUnchanged:
		return nil
	case c.Post != nil:
		return postChecks(c.Post)
	}
	return textChecks(c.Message)
}

// postChecks are the limits of a post that a reviewer would count by hand.
func postChecks(p *Post) []Check {
	out := textChecks(p.Caption)
	if p.Type == graph.MediaTypeCarousel {
		out = append(out, Check{Name: "carousel items", Value: len(p.Items), Min: rules.MinCarouselItems, Limit: rules.MaxCarouselItems, Unknown: p.ItemsHidden})
	}
	if len(p.Collaborators) > 0 || p.CollaboratorsHidden.Present() {
		out = append(out, Check{Name: "collaborators", Value: len(p.Collaborators), Limit: rules.MaxCollaborators, Unknown: p.CollaboratorsHidden.Present()})
	}
	tags := len(p.UserTags)
	for _, it := range p.Items {
		tags = max(tags, len(it.UserTags))
	}
	if tags > 0 {
		out = append(out, Check{Name: "people tagged", Value: tags, Limit: rules.MaxUserTags})
	}
	alt := p.AltText
	for _, it := range p.Items {
		if it.AltText.Present() && (!alt.Present() || rules.Length(it.AltText.S) > rules.Length(alt.S)) {
			alt = it.AltText
		}
	}
	if alt.Present() {
		out = append(out, Check{Name: "alt text characters", Value: rules.Length(alt.S), Limit: rules.MaxAltTextLength, Unknown: !alt.Visible()})
	}
	return out
}
