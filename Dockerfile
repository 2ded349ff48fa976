# The Troc image: the API, the IDE assets and the built web app, which the API serves at / (one origin, no CORS).

# The web app: its types are generated from schema.graphql, then Vite builds client/dist.
FROM node:20-bookworm-slim AS client
WORKDIR /src
COPY schema.graphql ./
COPY client/package.json client/package-lock.json ./client/
RUN npm ci --prefix client --no-audit --no-fund
COPY client ./client
RUN npm run build --prefix client

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN if [ -f Troc.Graph/ide-package/package.json ]; then npm ci --prefix Troc.Graph/ide-package; fi
RUN dotnet publish Troc.Graph/Troc.Graph.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/Troc.Graph/ide-package/node_modules ./ide-package/node_modules
# WebAppFiles finds client/dist beside the binaries.
COPY --from=client /src/client/dist ./client/dist
ENTRYPOINT ["dotnet", "Troc.Graph.dll"]
