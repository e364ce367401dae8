//! The infrastructure packs on whole files as a chart or a workflow repository holds them:
//! a Helm template (`{{ }}` everywhere, resources and security context from values) gets
//! the Kubernetes rules for what it writes literally and nothing for what it templates;
//! a `.github/workflows/` file gets the GitHub Actions rules and no GitLab CI ones.

use std::collections::BTreeSet;

use mrwarden::analyze::scan_whole_file;
use mrwarden::config::Limits;

/// (line, rule id) of every finding in `content` scanned as `path`.
fn findings(path: &str, content: &str) -> BTreeSet<(u32, String)> {
    let rules = mrwarden::rules::load(&[]).expect("built-in rules compile");
    scan_whole_file(path, content.as_bytes(), &rules, &Limits::default())
        .findings
        .into_iter()
        .map(|f| (f.start_line, f.rule_id))
        .collect()
}

const HELM_DEPLOYMENT: &str = r#"apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "agent.fullname" . }}
  labels:
    {{- include "agent.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "agent.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "agent.serviceAccountName" . }}
      hostPID: true
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          securityContext:
            privileged: true
            readOnlyRootFilesystem: {{ .Values.readOnlyRootFilesystem }}
            runAsUser: {{ .Values.runAsUser | default 10001 }}
          ports:
            - name: http
              containerPort: {{ .Values.service.port }}
          {{- if .Values.env }}
          env:
            {{- range $name, $value := .Values.env }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
          {{- end }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
"#;

#[test]
fn helm_template_gets_kubernetes_rules_without_template_noise() {
    let expected: BTreeSet<(u32, String)> = [
        (20, "k8s-host-access"),
        (26, "k8s-privileged-container"),
        (43, "k8s-host-access"),
        (44, "k8s-container-runtime-socket"),
    ]
    .into_iter()
    .map(|(l, id)| (l, id.to_string()))
    .collect();
    assert_eq!(
        findings("charts/agent/templates/daemonset.yaml", HELM_DEPLOYMENT),
        expected
    );
    // `templates/*.yml` is also a GitLab CI template path; the templated image is no
    // GitLab CI finding either.
    assert_eq!(
        findings("charts/agent/templates/daemonset.yml", HELM_DEPLOYMENT),
        expected
    );
}

const WORKFLOW: &str = r#"name: ci
on:
  pull_request_target:
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    image: node:20
    steps:
      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - uses: acme/lint-action@v2
      - name: Title
        env:
          TITLE: ${{ github.event.pull_request.title }}
        run: |
          echo "$TITLE"
          echo "${{ github.event.pull_request.body }}"
          eval "echo $CI_COMMIT_MESSAGE"
"#;

#[test]
fn workflow_gets_github_actions_rules_only() {
    let expected: BTreeSet<(u32, String)> = [
        (4, "github-actions-write-all-permissions"),
        (12, "github-actions-pr-target-checkout"),
        (13, "github-actions-unpinned-action"),
        (19, "github-actions-script-injection"),
    ]
    .into_iter()
    .map(|(l, id)| (l, id.to_string()))
    .collect();
    assert_eq!(findings(".github/workflows/ci.yml", WORKFLOW), expected);
    // The same text as a composite action's action.yml is in scope too.
    assert_eq!(findings("action.yml", WORKFLOW), expected);
    // Anywhere else it is not a workflow.
    assert!(findings("docs/ci-example.yml", WORKFLOW).is_empty());
}
