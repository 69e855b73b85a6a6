using Ventanilla.Messaging.Notifications;
using Ventanilla.Tickets.Closure;
using Ventanilla.Tickets.Outcomes;
using Ventanilla.Visits;

namespace Ventanilla.Tickets;

public static class FollowUpFeature
{
    public static IHostApplicationBuilder AddFollowUp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<VisitBooking>();
        builder.Services.AddScoped<ClosureDesk>();
        builder.Services.AddScoped<AutoCloser>();
        builder.Services.AddHostedService<AutoCloseWorker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFollowUp(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").WithTags("Seguimiento").RequireAuthorization(Staff.Rights.ReadTickets);
        tickets.MapVisits();
        tickets.MapClosure();
        tickets.MapOutcomes();
        return app;
    }
}
