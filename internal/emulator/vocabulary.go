package emulator

// Graph's media vocabulary as the emulator speaks it. The emulator does not
// import internal/graph (it models Meta, not the client);
// vocabulary_test.go keeps these, the insight metric tables and the webhook
// fields equal to the client's.
const (
	// media_type of published media (IG Media).
	mediaImage         = "IMAGE"
	mediaVideo         = "VIDEO"
	mediaCarouselAlbum = "CAROUSEL_ALBUM"

	// media_product_type of published media.
	productFeed  = "FEED"
	productReels = "REELS"
	productStory = "STORY"
	productAd    = "AD"

	// media_type of a container (POST /{ig-user-id}/media); a single image
	// sends none and is containerImage here.
	containerImage    = "IMAGE"
	containerVideo    = "VIDEO" // a carousel item
	containerReels    = "REELS"
	containerStories  = "STORIES"
	containerCarousel = "CAROUSEL"
)

// publishedType is what a post made from a container of kind becomes: its
// media_type and media_product_type (video: the container holds a video).
func publishedType(kind string, video bool) (mediaType, productType string) {
	switch {
	case kind == containerCarousel:
		return mediaCarouselAlbum, productFeed
	case kind == containerReels:
		return mediaVideo, productReels
	case kind == containerStories && video:
		return mediaVideo, productStory
	case kind == containerStories:
		return mediaImage, productStory
	case video:
		return mediaVideo, productFeed
	}
	return mediaImage, productFeed
}
