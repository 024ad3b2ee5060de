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

// feedOrReel: the labels' parameters are for feed posts, reels and
// carousels (on the parent).
func feedOrReel(c *container) bool {
	return !c.isCarouselItem && (c.kind == containerImage || c.kind == containerReels || c.kind == containerCarousel)
}

// readTrialParams reads trial_params (a row of containerParams).
func (s *Server) readTrialParams(_ *request, c *container, v string) *apiError {
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
	return nil
}

// brandedContentLogin refuses branded content with Instagram login when
// Options.BrandedContentFacebookLoginOnly says so.
func (s *Server) brandedContentLogin(req *request) *apiError {
	if req.tok.kind == tokenInstagram && s.opts.BrandedContentFacebookLoginOnly {
		return errParam("Branded content is not supported with Instagram Login")
	}
	return nil
}

// readSponsorIDs reads branded_content_sponsor_ids (a row of containerParams).
func (s *Server) readSponsorIDs(req *request, c *container, v string) *apiError {
	if err := s.brandedContentLogin(req); err != nil {
		return err
	}
	if !feedOrReel(c) {
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
	return nil
}

// readPaidPartnership reads is_paid_partnership (a row of containerParams,
// after the sponsors).
func (s *Server) readPaidPartnership(req *request, c *container, v string) *apiError {
	if err := s.brandedContentLogin(req); err != nil {
		return err
	}
	if !feedOrReel(c) {
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
	return nil
}

// readAIGenerated reads is_ai_generated (a row of containerParams).
func readAIGenerated(_ *Server, _ *request, c *container, v string) *apiError {
	if c.isCarouselItem {
		return errParam("is_ai_generated goes on the carousel, not on its items")
	}
	b, ok := parseBool(v)
	if !ok {
		return errParam("Param is_ai_generated must be a boolean")
	}
	c.aiGenerated = b
	return nil
}
