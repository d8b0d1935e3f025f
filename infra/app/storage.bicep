@description('The agenda and personal agenda tables. Shared-key access off (identities only); reachable only through its private endpoint in the virtual network.')
param name string
param location string
param tags object

@description('Identity of the schedule service, the only reader and writer of the agenda and of personal agendas.')
param schedulePrincipalId string
param logAnalyticsWorkspaceId string
param privateEndpointSubnetId string
param virtualNetworkId string

var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Network: a private endpoint rather than network rules (service endpoints). With it, public network access can be
// off altogether: the account has no public address to allow or deny, only the schedule service's network reaches
// it, and nothing depends on subnet service endpoints or IP rules staying right. The schedule service is the only
// client; organisers change the agenda through it, never by reaching storage directly.
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource agendaTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'Agenda'
}

// Attendees' picks, keyed by a hash of each personal agenda's id (Storage:PersonalAgendaTableName, by default this).
resource personalAgendaTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: 'PersonalAgendas'
}

// Least privilege: the role on each table, not on the account (Azure RBAC takes a table as a scope).
resource scheduleTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(agendaTable.id, schedulePrincipalId, tableDataContributor)
  scope: agendaTable
  properties: {
    principalId: schedulePrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
  }
}

resource personalAgendaTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(personalAgendaTable.id, schedulePrincipalId, tableDataContributor)
  scope: personalAgendaTable
  properties: {
    principalId: schedulePrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
  }
}

module tableEndpoint 'storage-private-endpoint.bicep' = {
  name: 'agenda-table-private-endpoint'
  params: {
    name: 'pe-${name}-table'
    location: location
    tags: tags
    storageAccountId: account.id
    groupId: 'table'
    subnetId: privateEndpointSubnetId
    virtualNetworkId: virtualNetworkId
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

output name string = account.name
output tableEndpoint string = account.properties.primaryEndpoints.table
