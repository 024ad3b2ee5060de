package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// logSubsystem is the tflog subsystem of the Graph client; TF_LOG_PROVIDER_INSTAGRAM_GRAPH
// sets its level separately from the provider's.
const logSubsystem = "graph"

// tflogLogger adapts the Graph client's Logger to tflog. The client never
// logs secrets; masking here is a second line of defence.
type tflogLogger struct {
	secrets []string
}

func newLogger(secrets ...string) *tflogLogger {
	l := &tflogLogger{}
	for _, s := range secrets {
		if s != "" {
			l.secrets = append(l.secrets, s)
		}
	}
	return l
}

func (l *tflogLogger) ctx(ctx context.Context) context.Context {
	ctx = tflog.NewSubsystem(ctx, logSubsystem)
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, logSubsystem, l.secrets...)
	return tflog.SubsystemMaskMessageStrings(ctx, logSubsystem, l.secrets...)
}

func (l *tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemDebug(l.ctx(ctx), logSubsystem, msg, fields)
}

func (l *tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.SubsystemWarn(l.ctx(ctx), logSubsystem, msg, fields)
}
