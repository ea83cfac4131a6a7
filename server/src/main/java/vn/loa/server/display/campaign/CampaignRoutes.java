package vn.loa.server.display.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** The HTTP routes of campaigns and display groups ({@code /api/v1/campaigns}, {@code /api/v1/display-groups}). */
public final class CampaignRoutes {

    private final Campaigns campaigns;
    private final DisplayGroups groups;
    private final Blocking blocking;

    public CampaignRoutes(Campaigns campaigns, DisplayGroups groups, Blocking blocking) {
        this.campaigns = campaigns;
        this.groups = groups;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listCampaigns").addHandler(ctx -> Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(
                campaigns.list(RequestCaller.of(ctx)).stream().map(CampaignJson::write).toList()))));
        api.getRoute("createCampaign").addHandler(ctx -> saveCampaign(ctx, true));
        api.getRoute("getCampaign").addHandler(ctx -> Replies.reply(ctx, 200, blocking.run(() ->
                CampaignJson.write(campaigns.get(RequestCaller.of(ctx), ctx.pathParam("id"))))));
        api.getRoute("updateCampaign").addHandler(ctx -> saveCampaign(ctx, false));
        api.getRoute("deleteCampaign").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            blocking.run(() -> {
                campaigns.delete(caller, ctx.pathParam("id"));
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
        api.getRoute("listDisplayGroups").addHandler(ctx -> Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(
                groups.list(RequestCaller.of(ctx)).stream().map(CampaignJson::write).toList()))));
        api.getRoute("createDisplayGroup").addHandler(ctx -> saveGroup(ctx, true));
        api.getRoute("updateDisplayGroup").addHandler(ctx -> saveGroup(ctx, false));
        api.getRoute("deleteDisplayGroup").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            blocking.run(() -> {
                groups.delete(caller, ctx.pathParam("id"));
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
    }

    private void saveCampaign(RoutingContext ctx, boolean create) {
        Caller caller = RequestCaller.of(ctx);
        var body = ctx.body().asJsonObject();
        var campaign = CampaignJson.campaign(create ? required(body.getString("id")) : ctx.pathParam("id"), body);
        Replies.reply(ctx, create ? 201 : 200, blocking.run(() ->
                CampaignJson.write(campaigns.save(caller, campaign, create))));
    }

    private void saveGroup(RoutingContext ctx, boolean create) {
        Caller caller = RequestCaller.of(ctx);
        var body = ctx.body().asJsonObject();
        var group = CampaignJson.group(create ? required(body.getString("id")) : ctx.pathParam("id"), body);
        Replies.reply(ctx, create ? 201 : 200, blocking.run(() -> CampaignJson.write(groups.save(caller, group, create))));
    }

    private static String required(String id) {
        if (id == null) {
            throw vn.loa.server.refusal.Refusal.invalid("invalid_request", "Cần mã (id) cho mục mới, ví dụ 'tiem-chung-12'.",
                    "id");
        }
        return id;
    }
}
