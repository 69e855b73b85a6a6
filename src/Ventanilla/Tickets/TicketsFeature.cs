using Ventanilla.Intake;

namespace Ventanilla.Tickets;

public static class TicketsFeature
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TicketIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TicketIntake>());
        return builder;
    }
}
