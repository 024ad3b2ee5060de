package emulator

import (
	"encoding/json"
	"slices"
)

// The publishing parameters Meta added in 2025–2026, on POST
// /{ig-user-id}/media
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
// https://developers.facebook.com/docs/instagram-platform/changelog): trial
// reels, branded content (paid partnership) and the AI label.

// labels are what those parameters put on a container and its media.
type labels struct {
	trialGraduation string   // trial_params.graduation_strategy: MANUAL or SS_PERFORMANCE; "" = not a trial reel
	sponsorIDs      []string // branded_content_sponsor_ids
	paidPartnership bool     // is_paid_partnership (true whenever sponsors are given)
	aiGenerated     bool     // is_ai_generated
}

// maxSponsors: a post names at most two brand partners (uncertain: from the
// reference's parameter description).
const maxSponsors = 2

var graduationStrategies = []string{"MANUAL", "SS_PERFORMANCE"}

// readLabels reads and checks the labels' parameters. Called with s.mu held.
func (s *Server) readLabels(req *request, c *container) *apiError {
	feedOrReel := !c.isCarouselItem && (c.kind == containerImage || c.kind == containerReels || c.kind == containerCarousel)

	if v, ok := req.param("trial_params"); ok && v != "" {
		if c.kind != containerReels {
			return errParam("trial_params is only supported for REELS")
		}
		var tp struct {
			GraduationStrategy string `json:"graduation_strategy"`
		}
		if json.Unmarshal([]byte(v), &tp) != nil || !slices.Contains(graduationStrategies, tp.GraduationStrategy) {
			return errParam(`Param trial_params must be {"graduation_strategy": "MANUAL" or "SS_PERFORMANCE"}`)
		}
		if s.opts.TrialReelsUnsupported {
			return userErr(100, 2207081, "(#100) This account does not support Trial Reels.", "Trial reels unavailable",
				"Trial reels are not available for this account.")
		}
		c.trialGraduation = tp.GraduationStrategy
	}

	_, hasSponsors := req.param("branded_content_sponsor_ids")
	_, hasPaid := req.param("is_paid_partnership")
	if (hasSponsors || hasPaid) && req.tok.kind == tokenInstagram && s.opts.BrandedContentFacebookLoginOnly {
		return errParam("Branded content is not supported with Instagram Login")
	}
	if v, _ := req.param("branded_content_sponsor_ids"); v != "" {
		if !feedOrReel {
			return errParam("branded_content_sponsor_ids is not supported on %s", kindName(c))
		}
		ids := parseList(v)
		if len(ids) > maxSponsors {
			return errParam("A media can have at most %d branded content sponsors", maxSponsors)
		}
		for _, id := range ids {
			if !numericRe.MatchString(id) {
				return errParam("Param branded_content_sponsor_ids must be Instagram user ids, not %q", id)
			}
		}
		c.sponsorIDs, c.paidPartnership = ids, true // sponsors imply the label
	}
	if v, ok := req.param("is_paid_partnership"); ok && v != "" {
		if !feedOrReel {
			return errParam("is_paid_partnership is not supported on %s", kindName(c))
		}
		b, ok := parseBool(v)
		if !ok {
			return errParam("Param is_paid_partnership must be a boolean")
		}
		if !b && len(c.sponsorIDs) > 0 {
			return errParam("is_paid_partnership cannot be false when branded_content_sponsor_ids are given")
		}
		c.paidPartnership = c.paidPartnership || b
	}

	if v, ok := req.param("is_ai_generated"); ok && v != "" {
		if c.isCarouselItem {
			return errParam("is_ai_generated goes on the carousel, not on its items")
		}
		b, ok := parseBool(v)
		if !ok {
			return errParam("Param is_ai_generated must be a boolean")
		}
		c.aiGenerated = b
	}
	return nil
}
