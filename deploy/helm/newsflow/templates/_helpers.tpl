{{/* Names and labels shared by every template. */}}

{{- define "newsflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The release name alone when it already says newsflow. */}}
{{- define "newsflow.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "newsflow.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "newsflow.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "newsflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "newsflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "newsflow.labels" -}}
{{ include "newsflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The image by digest when one is given, else by tag (never latest). */}}
{{- define "newsflow.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/*
newsflow's configuration file: what the chart decides (NATS, the streams,
consumer and dedup bucket of .Values.jetstream, the HTTP address, JSON logs,
the drain time), with .Values.config merged over it.
*/}}
{{- define "newsflow.config" -}}
{{- $js := .Values.jetstream -}}
{{- $streams := dict -}}
{{- range $key, $s := $js.streams -}}
{{- $_ := set $streams $key (dict "name" $s.name "subjects" $s.subjects "max_age" $s.maxAge "duplicate_window" $s.duplicateWindow "replicas" $js.replicas) -}}
{{- end -}}
{{- $cfg := dict
  "nats" (dict "url" .Values.nats.url "name" (include "newsflow.fullname" .))
  "streams" $streams
  "consumer" (dict "durable" $js.consumer.durable "ack_wait" $js.consumer.ackWait "max_ack_pending" $js.consumer.maxAckPending)
  "dedup_store" (dict "bucket" $js.dedupBucket.name "ttl" $js.dedupBucket.ttl "max_entries" $js.dedupBucket.maxEntries "replicas" $js.replicas)
  "runner" (dict "shutdown_timeout" (printf "%ds" (int .Values.shutdownTimeoutSeconds)))
  "limits" (dict "max_bytes" (int .Values.limits.maxBytes))
  "http" (dict "addr" (printf "0.0.0.0:%d" (int .Values.metrics.port)))
  "log" (dict "level" .Values.logLevel "format" "json")
-}}
{{- toYaml (mustMergeOverwrite $cfg (deepCopy .Values.config)) -}}
{{- end -}}
