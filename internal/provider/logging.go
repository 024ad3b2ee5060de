package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// logSubsystem is the tflog subsystem of the Graph client; TF_LOG_PROVIDER_INSTAGRAM_GRAPH
// sets its level separately from the provider's.
const logSubsystem = "graph"

// providerLogEnv is the variable that sets the level of this provider's own
// logs (terraform-plugin-go derives it from the provider's address).
const providerLogEnv = "TF_LOG_PROVIDER_INSTAGRAM"

// QuietLogEnv returns the environment variables that turn logging off in
// the provider process when the user asked for no logs, and nil when they
// did.
//
// terraform-plugin-go and the framework log every RPC at TRACE unless told
// otherwise (about 250 lines per instagram_media in a plan), to the stderr
// that Terraform reads and parses line by line, and Terraform throws them
// away unless TF_LOG or TF_LOG_PROVIDER is set. Their levels are read from
// the documented variables TF_LOG_SDK, TF_LOG_SDK_PROTO and
// TF_LOG_SDK_FRAMEWORK (https://developer.hashicorp.com/terraform/plugin/log/managing),
// and ours from TF_LOG_PROVIDER_INSTAGRAM: setting them to OFF in our own
// process is the supported way to skip that work. Any TF_LOG,
// TF_LOG_PROVIDER* or TF_LOG_SDK* in environ counts as asking for logs, and
// then everything logs as before. (TF_LOG_CORE and TF_LOG_PATH alone do not:
// Terraform shows no provider logs with them.)
func QuietLogEnv(environ []string) map[string]string {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if value != "" && (name == "TF_LOG" || strings.HasPrefix(name, "TF_LOG_PROVIDER") || strings.HasPrefix(name, "TF_LOG_SDK")) {
			return nil
		}
	}
	// The proto and framework subsystems would follow TF_LOG_SDK, but an
	// explicit level lets terraform-plugin-log skip a call before building
	// its fields.
	return map[string]string{
		"TF_LOG_SDK":           "OFF",
		"TF_LOG_SDK_PROTO":     "OFF",
		"TF_LOG_SDK_FRAMEWORK": "OFF",
		providerLogEnv:         "OFF",
	}
}

// tflogLogger adapts the Graph client's Logger to tflog. The client never
// logs secrets; masking every secret the process knows at the time of each
// line (the set grows: tokens an exchange returns, verify tokens) is a
// second line of defence, for Meta's messages above all.
type tflogLogger struct {
	secrets *common.Secrets
}

func newLogger(secrets *common.Secrets) *tflogLogger { return &tflogLogger{secrets: secrets} }

func (l *tflogLogger) ctx(ctx context.Context) context.Context {
	ctx = tflog.NewSubsystem(ctx, logSubsystem, tflog.WithLevelFromEnv(providerLogEnv, logSubsystem))
	values := l.secrets.Values()
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, logSubsystem, values...)
	return tflog.SubsystemMaskMessageStrings(ctx, logSubsystem, values...)
}

func (l *tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemDebug(l.ctx(ctx), logSubsystem, msg, fields)
}

func (l *tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemWarn(l.ctx(ctx), logSubsystem, msg, fields)
}
