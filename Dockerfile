# The API image: build with the SDK, install the IDE assets with npm, run on the ASP.NET runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN if [ -f Troc.Graph/ide/package.json ]; then npm ci --prefix Troc.Graph/ide; fi
RUN dotnet publish Troc.Graph/Troc.Graph.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/Troc.Graph/ide/node_modules ./ide/node_modules
ENTRYPOINT ["dotnet", "Troc.Graph.dll"]
