package dev.vaporform.files.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The index commits its changes on a schedule ({@code ProjectIndexes}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FilesConfiguration {}
