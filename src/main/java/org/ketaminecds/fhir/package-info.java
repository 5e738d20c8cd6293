/**
 * FHIR: parsing prefetch and context resources with HAPI, resolving what is missing, and mapping FHIR R4
 * resources to facts. This is the only module that knows FHIR paths; one mapper per resource type.
 */
package org.ketaminecds.fhir;
