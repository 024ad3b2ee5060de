// Package insights holds the instagram_account_insights and
// instagram_media_insights data sources.
package insights

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/graph"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// The `insights` result attribute both data sources share: Meta's response
// shape (`data[].values[]` for time series, `data[].total_value.breakdowns[]`
// for totals) as Terraform values.

func insightsAttribute(description string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"name":        common.ComputedString("Metric name."),
			"period":      common.ComputedString("Aggregation period Meta reports (`day`, `lifetime`)."),
			"title":       common.ComputedString("Meta's title for the metric."),
			"description": common.ComputedString("Meta's description of the metric."),
			"values": schema.ListNestedAttribute{
				MarkdownDescription: "Values in time order: one per day for time series, one lifetime value for media. Empty for totals.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"value": common.ComputedFloat64("The value; null when Meta reports an object (see `value_by_key`)."),
					"value_by_key": schema.MapAttribute{
						MarkdownDescription: "Object values by key, e.g. `online_followers` by hour of the day (`\"0\"`–`\"23\"`); null otherwise.",
						ElementType:         types.Float64Type,
						Computed:            true,
					},
					"end_time": common.ComputedString("End of the day the value covers (`2026-10-02T07:00:00+0000`); null for media insights."),
				}},
			},
			"total_value": schema.SingleNestedAttribute{
				MarkdownDescription: "The total over the range with its breakdowns (`metric_type = \"total_value\"`, demographics, or media metrics read with a breakdown); null otherwise.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"value": common.ComputedFloat64("The total; null for demographics, which only have breakdowns."),
					"breakdowns": schema.ListNestedAttribute{
						MarkdownDescription: "One entry per requested breakdown.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"dimension_keys": schema.ListAttribute{MarkdownDescription: "The breakdown dimensions, e.g. `[\"media_product_type\"]`.", ElementType: types.StringType, Computed: true},
							"results": schema.ListNestedAttribute{
								MarkdownDescription: "The value of each combination of dimension values.",
								Computed:            true,
								NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
									"dimension_values": schema.ListAttribute{MarkdownDescription: "Values of `dimension_keys`, in the same order, e.g. `[\"REELS\"]`.", ElementType: types.StringType, Computed: true},
									"value":            common.ComputedFloat64("The value for this combination."),
								}},
							},
						}},
					},
				},
			},
		}},
	}
}

// insightsElemType is the object type of one `insights` element.
var insightsElemType = insightsAttribute("").GetType().(types.ListType).ElemType //nolint:forcetypeassert // a list attribute by construction

// insightsValue converts the client's insights into the `insights` list,
// built as values directly: the framework's reflection over structs cost
// 150 ms and 55 MB for two years of three daily metrics
// (BenchmarkInsightsValueLongRange).
func insightsValue(ctx context.Context, in []graph.Insight) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	insightType := insightsElemType.(types.ObjectType)                                              //nolint:forcetypeassert // by construction
	valueType := insightType.AttrTypes["values"].(types.ListType).ElemType.(types.ObjectType)       //nolint:forcetypeassert // by construction
	totalType := insightType.AttrTypes["total_value"].(types.ObjectType)                            //nolint:forcetypeassert // by construction
	breakdownType := totalType.AttrTypes["breakdowns"].(types.ListType).ElemType.(types.ObjectType) //nolint:forcetypeassert // by construction
	resultType := breakdownType.AttrTypes["results"].(types.ListType).ElemType.(types.ObjectType)   //nolint:forcetypeassert // by construction
	stringList := func(ss []string) types.List {
		if ss == nil {
			return types.ListNull(types.StringType) // as the framework converts a nil slice
		}
		out := make([]attr.Value, len(ss))
		for i, s := range ss {
			out[i] = types.StringValue(s)
		}
		return types.ListValueMust(types.StringType, out)
	}

	out := make([]attr.Value, 0, len(in))
	for _, i := range in {
		values := make([]attr.Value, 0, len(i.Values))
		for _, v := range i.Values {
			value, byKey, endTime := types.Float64Value(v.Value), types.MapNull(types.Float64Type), types.StringNull()
			if v.ByKey != nil {
				var d diag.Diagnostics
				byKey, d = types.MapValueFrom(ctx, types.Float64Type, v.ByKey)
				diags.Append(d...)
				value = types.Float64Null()
			}
			if v.EndTime != "" {
				endTime = types.StringValue(v.EndTime)
			}
			values = append(values, types.ObjectValueMust(valueType.AttrTypes, map[string]attr.Value{
				"value": value, "value_by_key": byKey, "end_time": endTime,
			}))
		}
		total := types.ObjectNull(totalType.AttrTypes)
		if tv := i.TotalValue; tv != nil {
			breakdowns := []attr.Value{}
			for _, b := range tv.Breakdowns {
				results := []attr.Value{}
				for _, r := range b.Results {
					results = append(results, types.ObjectValueMust(resultType.AttrTypes, map[string]attr.Value{
						"dimension_values": stringList(r.DimensionValues), "value": types.Float64Value(r.Value),
					}))
				}
				breakdowns = append(breakdowns, types.ObjectValueMust(breakdownType.AttrTypes, map[string]attr.Value{
					"dimension_keys": stringList(b.DimensionKeys), "results": types.ListValueMust(resultType, results),
				}))
			}
			total = types.ObjectValueMust(totalType.AttrTypes, map[string]attr.Value{
				"value": types.Float64PointerValue(tv.Value), "breakdowns": types.ListValueMust(breakdownType, breakdowns),
			})
		}
		out = append(out, types.ObjectValueMust(insightType.AttrTypes, map[string]attr.Value{
			"name": types.StringValue(i.Name), "period": types.StringValue(i.Period),
			"title": types.StringValue(i.Title), "description": types.StringValue(i.Description),
			"values": types.ListValueMust(valueType, values), "total_value": total,
		}))
	}
	return types.ListValueMust(insightType, out), diags
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
