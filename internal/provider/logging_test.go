package provider

import (
	"maps"
	"testing"
)

func TestQuietLogEnv(t *testing.T) {
	quiet := map[string]string{"TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF", "TF_LOG_PROVIDER_INSTAGRAM": "OFF"}
	for _, tc := range []struct {
		name    string
		environ []string
		want    map[string]string
	}{
		{"nothing set", []string{"HOME=/root", "PATH=/bin"}, quiet},
		{"empty values", []string{"TF_LOG=", "TF_LOG_PROVIDER="}, quiet},
		{"TF_LOG_PATH alone: Terraform logs nothing", []string{"TF_LOG_PATH=/tmp/tf.log"}, quiet},
		{"TF_LOG_CORE: Terraform shows no provider logs", []string{"TF_LOG_CORE=TRACE"}, quiet},
		{"TF_LOG", []string{"TF_LOG=TRACE"}, nil},
		{"TF_LOG=off is still the user's choice", []string{"TF_LOG=off"}, nil},
		{"TF_LOG_PROVIDER", []string{"TF_LOG_PROVIDER=DEBUG"}, nil},
		{"TF_LOG_PROVIDER_INSTAGRAM", []string{"TF_LOG_PROVIDER_INSTAGRAM=DEBUG"}, nil},
		{"a subsystem of ours", []string{"TF_LOG_PROVIDER_INSTAGRAM_GRAPH=DEBUG"}, nil},
		{"TF_LOG_SDK", []string{"TF_LOG_SDK=INFO"}, nil},
		{"TF_LOG_SDK_FRAMEWORK", []string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, nil},
		{"TF_LOG_SDK_PROTO", []string{"TF_LOG_SDK_PROTO=TRACE"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := QuietLogEnv(tc.environ); !maps.Equal(got, tc.want) {
				t.Errorf("QuietLogEnv(%q) = %v, want %v", tc.environ, got, tc.want)
			}
		})
	}
}
