targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd), used in resource names and tags.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Entra ID authority that issues tokens for writers, e.g. https://login.microsoftonline.com/{tenant}/v2.0.')
param writerAuthority string

@description('Application (client) ID of the schedule API registration: the audience of v2 writer tokens.')
param writerClientId string

@description('Audience (application ID URI) the schedule service expects in writer tokens.')
param writerAudience string = 'api://netconfcloud-schedule'

@description('Container image of the schedule service; azd sets it after pushing to the registry.')
param scheduleServiceImage string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

// Two identities, least privilege: the schedule service reads and writes the agenda table and pulls its image; the
// feeds reach only their own runtime storage (the agenda only through the schedule service).
module scheduleIdentity 'app/identity.bicep' = {
  name: 'identity-schedule'
  scope: rg
  params: {
    name: 'id-schedule-${resourceToken}'
    location: location
    tags: tags
  }
}

module feedsIdentity 'app/identity.bicep' = {
  name: 'identity-feeds'
  scope: rg
  params: {
    name: 'id-feeds-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalIds: [scheduleIdentity.outputs.principalId, feedsIdentity.outputs.principalId]
  }
}

module network 'app/network.bicep' = {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    schedulePrincipalId: scheduleIdentity.outputs.principalId
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    privateEndpointSubnetId: network.outputs.privateEndpointsSubnetId
    virtualNetworkId: network.outputs.virtualNetworkId
  }
}

module feedsStorage 'app/feeds-storage.bicep' = {
  name: 'feeds-storage'
  scope: rg
  params: {
    name: 'stfn${resourceToken}'
    location: location
    tags: tags
    feedsPrincipalId: feedsIdentity.outputs.principalId
    privateEndpointSubnetId: network.outputs.privateEndpointsSubnetId
    virtualNetworkId: network.outputs.virtualNetworkId
  }
}

module registry 'app/registry.bicep' = {
  name: 'registry'
  scope: rg
  params: {
    name: 'cr${resourceToken}'
    location: location
    tags: tags
    pullPrincipalId: scheduleIdentity.outputs.principalId
  }
}

module scheduleService 'app/schedule-service.bicep' = {
  name: 'schedule-service'
  scope: rg
  params: {
    environmentName: 'cae-${resourceToken}'
    appName: 'ca-schedule-${resourceToken}'
    location: location
    tags: tags
    infrastructureSubnetId: network.outputs.containerAppsSubnetId
    virtualNetworkId: network.outputs.virtualNetworkId
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
    identityId: scheduleIdentity.outputs.id
    identityClientId: scheduleIdentity.outputs.clientId
    registryServer: registry.outputs.loginServer
    image: scheduleServiceImage
    tableServiceUri: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    writerAuthority: writerAuthority
    writerAudience: writerAudience
    writerClientId: writerClientId
    ingressNetwork: network.outputs.containerAppsSubnetPrefix
    relayNetwork: network.outputs.functionsSubnetPrefix
  }
}

module feeds 'app/feeds.bicep' = {
  name: 'feeds'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-feeds-${resourceToken}'
    location: location
    tags: tags
    subnetId: network.outputs.functionsSubnetId
    identityId: feedsIdentity.outputs.id
    identityClientId: feedsIdentity.outputs.clientId
    storageAccountName: feedsStorage.outputs.name
    deploymentContainerName: feedsStorage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    scheduleServiceAddress: scheduleService.outputs.uri
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output SCHEDULE_SERVICE_URI string = scheduleService.outputs.uri
output FEEDS_BASE_URL string = feeds.outputs.baseUrl
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
