// Package reliability holds the provider's end-to-end benchmarks: refresh
// cost and speed of many instagram_media with the real Terraform CLI against
// the emulator (make bench).
package reliability
