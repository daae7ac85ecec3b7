import { ServiceCatalogueItem } from './service-catalogue-item.entity'
import { ServiceRequestStep } from './service-request-step.entity'
import { ServiceRequest } from './service-request.entity'

/** The tables of 便民服务: the county catalogues, the requests and their timelines. */
export const CONVENIENCE_SERVICES_ENTITIES = [ServiceCatalogueItem, ServiceRequest, ServiceRequestStep]
