// Package insights holds the instagram_account_insights and
// instagram_media_insights data sources.
package insights

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// The `insights` result attribute both data sources share: Meta's response
// shape (`data[].values[]` for time series, `data[].total_value.breakdowns[]`
// for totals) as Terraform values.

type insightModel struct {
	Name        types.String     `tfsdk:"name"`
	Period      types.String     `tfsdk:"period"`
	Title       types.String     `tfsdk:"title"`
	Description types.String     `tfsdk:"description"`
	Values      []valueModel     `tfsdk:"values"`
	TotalValue  *totalValueModel `tfsdk:"total_value"`
}

type valueModel struct {
	Value      types.Float64 `tfsdk:"value"`
	ValueByKey types.Map     `tfsdk:"value_by_key"`
	EndTime    types.String  `tfsdk:"end_time"`
}

type totalValueModel struct {
	Value      types.Float64    `tfsdk:"value"`
	Breakdowns []breakdownModel `tfsdk:"breakdowns"`
}

type breakdownModel struct {
	DimensionKeys []string      `tfsdk:"dimension_keys"`
	Results       []resultModel `tfsdk:"results"`
}

type resultModel struct {
	DimensionValues []string      `tfsdk:"dimension_values"`
	Value           types.Float64 `tfsdk:"value"`
}

// metricsAttribute is the metric names a data source reads, at least one.
func metricsAttribute(description string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: description,
		ElementType:         types.StringType,
		Required:            true,
		Validators:          []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues()},
	}
}

// breakdownAttribute is the optional breakdown dimensions.
func breakdownAttribute(description string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: description,
		ElementType:         types.StringType,
		Optional:            true,
		Validators:          []validator.List{listvalidator.UniqueValues()},
	}
}

func insightsAttribute(description string) schema.ListNestedAttribute {
	return common.ComputedNestedList(description, map[string]schema.Attribute{
		"name":        common.ComputedString("Metric name."),
		"period":      common.ComputedString("Aggregation period Meta reports (`day`, `lifetime`)."),
		"title":       common.ComputedString("Meta's title for the metric."),
		"description": common.ComputedString("Meta's description of the metric."),
		"values": common.ComputedNestedList("Values in time order: one per day for time series, one lifetime value for media. Empty for totals.", map[string]schema.Attribute{
			"value": common.ComputedFloat64("The value; null when Meta reports an object (see `value_by_key`)."),
			"value_by_key": schema.MapAttribute{
				MarkdownDescription: "Object values by key, e.g. `online_followers` by hour of the day (`\"0\"`–`\"23\"`); null otherwise.",
				ElementType:         types.Float64Type,
				Computed:            true,
			},
			"end_time": common.ComputedString("End of the day the value covers (`2026-10-02T07:00:00+0000`); null for media insights."),
		}),
		"total_value": schema.SingleNestedAttribute{
			MarkdownDescription: "The total over the range with its breakdowns (`metric_type = \"total_value\"`, demographics, or media metrics read with a breakdown); null otherwise.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"value": common.ComputedFloat64("The total; null for demographics, which only have breakdowns."),
				"breakdowns": common.ComputedNestedList("One entry per requested breakdown.", map[string]schema.Attribute{
					"dimension_keys": common.ComputedStrings("The breakdown dimensions, e.g. `[\"media_product_type\"]`."),
					"results": common.ComputedNestedList("The value of each combination of dimension values.", map[string]schema.Attribute{
						"dimension_values": common.ComputedStrings("Values of `dimension_keys`, in the same order, e.g. `[\"REELS\"]`."),
						"value":            common.ComputedFloat64("The value for this combination."),
					}),
				}),
			},
		},
	})
}

// insightsElemType is the object type of one `insights` element.
var insightsElemType = insightsAttribute("").GetType().(types.ListType).ElemType //nolint:forcetypeassert // a list attribute by construction

// insightsValue converts the client's insights into the `insights` list.
func insightsValue(ctx context.Context, in []graph.Insight, diags *diag.Diagnostics) types.List {
	out := make([]insightModel, 0, len(in))
	for _, i := range in {
		m := insightModel{
			Name: types.StringValue(i.Name), Period: types.StringValue(i.Period),
			Title: types.StringValue(i.Title), Description: types.StringValue(i.Description),
			Values: []valueModel{},
		}
		for _, v := range i.Values {
			vm := valueModel{Value: types.Float64Value(v.Value), ValueByKey: types.MapNull(types.Float64Type), EndTime: types.StringNull()}
			if v.ByKey != nil {
				byKey, d := types.MapValueFrom(ctx, types.Float64Type, v.ByKey)
				diags.Append(d...)
				vm.Value, vm.ValueByKey = types.Float64Null(), byKey
			}
			if v.EndTime != "" {
				vm.EndTime = types.StringValue(v.EndTime)
			}
			m.Values = append(m.Values, vm)
		}
		if tv := i.TotalValue; tv != nil {
			m.TotalValue = &totalValueModel{Value: types.Float64PointerValue(tv.Value), Breakdowns: []breakdownModel{}}
			for _, b := range tv.Breakdowns {
				bm := breakdownModel{DimensionKeys: b.DimensionKeys, Results: []resultModel{}}
				for _, r := range b.Results {
					bm.Results = append(bm.Results, resultModel{DimensionValues: r.DimensionValues, Value: types.Float64Value(r.Value)})
				}
				m.TotalValue.Breakdowns = append(m.TotalValue.Breakdowns, bm)
			}
		}
		out = append(out, m)
	}
	list, d := types.ListValueFrom(ctx, insightsElemType, out)
	diags.Append(d...)
	return list
}

// knownStrings returns a list's strings; ok is false while it is unknown or
// holds unknown elements (plan-time checks then wait for the values).
func knownStrings(l types.List) (vals []string, ok bool) {
	if l.IsUnknown() {
		return nil, false
	}
	for _, e := range l.Elements() {
		s, isStr := e.(types.String)
		if !isStr || s.IsUnknown() {
			return nil, false
		}
		vals = append(vals, s.ValueString())
	}
	return vals, true
}

// anyUnknown reports whether any of the values is not known yet.
func anyUnknown(vals ...attr.Value) bool {
	for _, v := range vals {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}
